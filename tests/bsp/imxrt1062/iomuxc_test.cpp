// Teensy pins 14/15 routed to LPUART2: mux, pad settings, daisy select, IOMUXC clock gates.
#include "soc/iomuxc.hpp"

#include <gtest/gtest.h>

#include "rt1062_chip_state.hpp"

namespace {

namespace iomuxc = bsp::imxrt1062::iomuxc;
namespace reg = bsp::imxrt1062::reg;

class IomuxcTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_mmio::reset(); }
};

TEST_F(IomuxcTest, Pin14IsLpuart2TxWithTeensysPadSettings) {
  iomuxc::apply(iomuxc::kLpuart2TxPin14);
  EXPECT_EQ(fake_mmio::value(0x401F8104), 2u);     // GPIO_AD_B1_02 ALT2
  EXPECT_EQ(fake_mmio::value(0x401F82F4), 0xD9u);  // SRE | DSE(3) | SPEED(3)
  EXPECT_EQ(fake_mmio::value(0x401F8530), 1u);     // LPUART2_TX_SELECT_INPUT
}

TEST_F(IomuxcTest, Pin15IsLpuart2RxWithPullUpAndHysteresis) {
  iomuxc::apply(iomuxc::kLpuart2RxPin15);
  EXPECT_EQ(fake_mmio::value(0x401F8108), 2u);
  EXPECT_EQ(fake_mmio::value(0x401F82F8), 0x1F038u);
  EXPECT_EQ(fake_mmio::value(0x401F852C), 1u);
}

TEST_F(IomuxcTest, GatesFirstThenPadSettingsBeforeTheMux) {
  fake_mmio::preset(reg::ccm_ccgr(4), 0xFFFF0000);
  iomuxc::apply(iomuxc::kLpuart2RxPin15);
  EXPECT_EQ(fake_mmio::value(reg::ccm_ccgr(4)), 0xFFFF003Cu);  // IOMUXC and IOMUXC_GPR on
  const int gate = fake_mmio::last_write(reg::ccm_ccgr(4));
  const int pad = fake_mmio::last_write(0x401F82F8);
  const int mux = fake_mmio::last_write(0x401F8108);
  EXPECT_LT(gate, pad);
  EXPECT_LT(pad, mux);
}

}  // namespace
