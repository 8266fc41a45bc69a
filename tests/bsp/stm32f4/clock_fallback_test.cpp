// The timeout paths of the STM32F4 clock bring-up: every wait is bounded by its budget, each
// failure lands on a safe clock (PLL from the HSI, or the HSI itself), and the note says what
// happened.
#include <gtest/gtest.h>

#include <string>

#include "clock_bringup.hpp"
#include "stm32f4_test_support.hpp"

namespace {

using bsp::stm32f4::bring_up_clocks;
using bsp::stm32f4::clock_note;
using bsp::stm32f4::ClockResult;
using bsp::stm32f4::SysclkSource;
using namespace stm32f4_test;
namespace f4 = bsp::stm32f4;

class ClockFallbackTest : public ::testing::Test {
 protected:
  void SetUp() override { reset_chip(); }

  // Expects SYSCLK on the HSI at 16 MHz with the PLL off and every divider at /1.
  void expect_on_hsi(const ClockResult& result) {
    EXPECT_EQ(result.source, SysclkSource::kHsi);
    EXPECT_EQ(result.sysclk_hz, 16000000u);
    EXPECT_EQ(result.pclk1_hz, 16000000u);
    EXPECT_EQ(result.pclk2_hz, 16000000u);
    EXPECT_EQ(fake_mmio::value(reg::kRccCr) & reg::kCrPllOn, 0u);
    EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & (reg::kCfgrSwMask | 0xFFF0u), 0u);
    EXPECT_NE(std::string(clock_note(result.failures)).find("HSI 16 MHz fallback"),
              std::string::npos);
  }
};

// QEMU's netduinoplus2: no RCC model, every register reads 0.
TEST_F(ClockFallbackTest, NothingRespondsLikeQemuEndsOnHsiWithinTheBudget) {
  fake_mmio::reset();
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  expect_on_hsi(result);
  EXPECT_EQ(result.failures, f4::kHseNotReady | f4::kPllNotReady);
  EXPECT_STREQ(clock_note(result.failures), "HSE and PLL not ready: HSI 16 MHz fallback");
  // Bounded: the HSE and PLL budgets plus a handful of read-modify-writes, never more.
  EXPECT_LE(reads_of(reg::kRccCr), 200 + 100 + 10);
  EXPECT_GE(reads_of(reg::kRccCr), 200 + 100);
  // The PLL was tried from the HSI (PLLSRC = 0, M = 16), and the HSE was switched off again.
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr), 0x07005410u);
  EXPECT_EQ(fake_mmio::value(reg::kRccCr) & (reg::kCrHseOn | reg::kCrHseByp), 0u);
  // Wait states are never raised for a clock that did not come.
  EXPECT_EQ(fake_mmio::first_write(reg::kFlashAcr, reg::kAcrLatencyMask, 5), -1);
  // The ART caches are on anyway.
  EXPECT_NE(fake_mmio::value(reg::kFlashAcr) & (reg::kAcrIcEn | reg::kAcrDcEn), 0u);
}

TEST_F(ClockFallbackTest, HseTimeoutRunsThePllFromTheHsiAtTheSameClock) {
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, -1);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, 3);
  fake_mmio::on_read(reg::kRccCfgr, [](uint32_t v) {
    return (v & ~reg::kCfgrSwsMask) | ((v & reg::kCfgrSwMask) << 2);
  });
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  EXPECT_EQ(result.failures, f4::kHseNotReady);
  EXPECT_EQ(result.source, SysclkSource::kPllFromHsi);
  EXPECT_EQ(result.sysclk_hz, 168000000u);
  EXPECT_STREQ(clock_note(result.failures), "HSE not ready: PLL runs from the HSI");
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr) & reg::kPllcfgrSrcHse, 0u);
  EXPECT_EQ(fake_mmio::value(reg::kRccCr) & reg::kCrHseOn, 0u);
}

TEST_F(ClockFallbackTest, PllTimeoutStaysOnHsi) {
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, 2);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, -1);
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  expect_on_hsi(result);
  EXPECT_EQ(result.failures, f4::kPllNotReady);
  EXPECT_STREQ(clock_note(result.failures), "PLL not ready: HSI 16 MHz fallback");
}

TEST_F(ClockFallbackTest, VoltageScaleTimeoutStaysOnHsi) {
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, 2);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, 2);
  const ClockResult result = bring_up_clocks(kF411Plan, kSmallBudget);  // VOSRDY never rises
  expect_on_hsi(result);
  EXPECT_EQ(result.failures, f4::kVosNotReady);
  EXPECT_EQ(reads_of(reg::kPwrCsr), 100);  // exactly the VOS budget
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll), -1);
}

TEST_F(ClockFallbackTest, RejectedWaitStatesNeverRaiseTheClock) {
  respond_like_silicon();
  fake_mmio::on_write(reg::kFlashAcr, [](uint32_t v) { return v & ~reg::kAcrLatencyMask; });
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  expect_on_hsi(result);
  EXPECT_EQ(result.failures, f4::kLatencyRejected);
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll), -1);
}

TEST_F(ClockFallbackTest, UnconfirmedSwitchGoesBackToHsi) {
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, 2);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, 2);
  fake_mmio::on_read(reg::kRccCfgr, [](uint32_t v) { return v & ~reg::kCfgrSwsMask; });
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  expect_on_hsi(result);
  EXPECT_EQ(result.failures, f4::kSwitchNotConfirmed);
  EXPECT_STREQ(clock_note(result.failures), "switch to PLL not confirmed: HSI 16 MHz fallback");
  // SW went to the PLL, then back.
  EXPECT_GE(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll), 0);
}

TEST(ClockNoteTest, EveryFailureCombinationSaysWhereTheClockIs) {
  EXPECT_STREQ(clock_note(0), "");
  for (uint32_t failures = 1; failures < 32; ++failures) {
    const std::string note = clock_note(failures);
    ASSERT_FALSE(note.empty()) << failures;
    const bool pll_path_failed = (failures & ~f4::kHseNotReady) != 0;
    EXPECT_EQ(note.find("HSI 16 MHz fallback") != std::string::npos, pll_path_failed) << note;
    EXPECT_EQ(note.find("HSE") != std::string::npos, (failures & f4::kHseNotReady) != 0) << note;
  }
}

}  // namespace
