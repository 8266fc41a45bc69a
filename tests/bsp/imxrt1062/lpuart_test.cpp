// LPUART console: the baud divider search, the init order (disabled while configured), bounded TX,
// RX with overrun recovery.
#include "soc/lpuart.hpp"

#include <gtest/gtest.h>

#include "rt1062_chip_state.hpp"

namespace {

namespace lpuart = bsp::imxrt1062::lpuart;
namespace reg = bsp::imxrt1062::reg;
constexpr uintptr_t kBase = reg::kLpuart2;

class LpuartTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_mmio::reset(); }
};

TEST_F(LpuartTest, Baud115200From24MhzIsOsr26Sbr8) {
  constexpr lpuart::BaudSetting s = lpuart::best_baud(24000000, 115200);
  EXPECT_EQ(s.osr, 26u);  // Teensy's search keeps the last lowest error
  EXPECT_EQ(s.sbr, 8u);
  EXPECT_EQ(lpuart::baud_register(s), 0x19000008u);
}

TEST_F(LpuartTest, LowOversamplingNeedsBothEdges) {
  EXPECT_EQ(lpuart::baud_register({5, 139}), (4u << 24) | (1u << 17) | 139u);
  EXPECT_EQ(lpuart::baud_register({16, 13}) & (1u << 17), 0u);
  const lpuart::BaudSetting fast = lpuart::best_baud(80000000, 115200);
  const uint32_t actual = 80000000 / (fast.osr * fast.sbr);
  EXPECT_LT(lpuart::abs_diff(actual, 115200), 115200 / 200);  // within 0.5 %
}

TEST_F(LpuartTest, InitConfiguresWithTransmitterAndReceiverOff) {
  fake_mmio::preset(kBase + reg::kLpuartCtrl, reg::kCtrlTe);  // left on by someone else
  lpuart::init(kBase, 24000000, 115200);
  EXPECT_EQ(fake_mmio::value(kBase + reg::kLpuartBaud), 0x19000008u);
  EXPECT_EQ(fake_mmio::value(kBase + reg::kLpuartFifo) & (reg::kFifoTxfe | reg::kFifoRxfe),
            reg::kFifoTxfe | reg::kFifoRxfe);
  EXPECT_EQ(fake_mmio::value(kBase + reg::kLpuartCtrl), reg::kCtrlTe | reg::kCtrlRe);
  const int off = fake_mmio::first_write(kBase + reg::kLpuartCtrl, 0xFFFFFFFF, 0);
  const int baud = fake_mmio::last_write(kBase + reg::kLpuartBaud);
  const int fifo = fake_mmio::last_write(kBase + reg::kLpuartFifo);
  const int on = fake_mmio::last_write(kBase + reg::kLpuartCtrl);
  ASSERT_GE(off, 0);
  EXPECT_LT(off, baud);
  EXPECT_LT(baud, fifo);
  EXPECT_LT(fifo, on);
}

TEST_F(LpuartTest, PutWaitsForRoomThenWritesData) {
  fake_mmio::preset(kBase + reg::kLpuartStat, reg::kStatTdre);
  EXPECT_TRUE(lpuart::put(kBase, 'A', 10));
  EXPECT_EQ(fake_mmio::value(kBase + reg::kLpuartData), static_cast<uint32_t>('A'));
}

TEST_F(LpuartTest, PutGivesUpWhenTheTransmitterNeverEmpties) {
  EXPECT_FALSE(lpuart::put(kBase, 'A', 50));
  EXPECT_EQ(rt1062_test::count_writes(kBase + reg::kLpuartData), 0);
  EXPECT_EQ(rt1062_test::count_reads(kBase + reg::kLpuartStat), 50);
}

TEST_F(LpuartTest, GetReturnsMinusOneOrTheByte) {
  EXPECT_EQ(lpuart::get(kBase), -1);
  fake_mmio::preset(kBase + reg::kLpuartStat, reg::kStatRdrf);
  fake_mmio::preset(kBase + reg::kLpuartData, 0x00001041);  // flag bits above the byte
  EXPECT_EQ(lpuart::get(kBase), 0x41);
}

TEST_F(LpuartTest, OverrunIsClearedSoReceptionContinues) {
  fake_mmio::preset(kBase + reg::kLpuartStat, reg::kStatOr | reg::kStatRdrf);
  fake_mmio::preset(kBase + reg::kLpuartData, 'x');
  EXPECT_EQ(lpuart::get(kBase), 'x');
  EXPECT_GE(fake_mmio::first_write(kBase + reg::kLpuartStat, reg::kStatOr, reg::kStatOr), 0);
}

}  // namespace
