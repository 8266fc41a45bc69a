// The STM32F4 clock bring-up on a chip that responds: final register values for each board's plan
// (RM0090 / RM0383 RCC) and the order of the steps that matter (wait states before the clock goes
// up).
#include "clock_bringup.hpp"

#include <gtest/gtest.h>

#include "stm32f4_test_support.hpp"

namespace {

using bsp::stm32f4::bring_up_clocks;
using bsp::stm32f4::ClockResult;
using bsp::stm32f4::SysclkSource;
using namespace stm32f4_test;

class ClockBringupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reset_chip();
    respond_like_silicon();
  }
};

TEST_F(ClockBringupTest, F407ReachesTheDiscoveryTemplateValues) {
  const ClockResult result = bring_up_clocks(kF407Plan, kSmallBudget);
  EXPECT_EQ(result.source, SysclkSource::kPllFromHse);
  EXPECT_EQ(result.failures, 0u);
  EXPECT_EQ(result.sysclk_hz, 168000000u);
  EXPECT_EQ(result.hclk_hz, 168000000u);
  EXPECT_EQ(result.pclk1_hz, 42000000u);
  EXPECT_EQ(result.pclk2_hz, 84000000u);
  EXPECT_STREQ(bsp::stm32f4::clock_note(result.failures), "");
  // PLL fields as ST's template; the reserved bit 29 of the reset value is kept.
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr), 0x07405408u | 0x20000000u);
  // APB1 /4, APB2 /2, AHB /1, SW = PLL (SWS mirrors it).
  EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & 0xFFF3u, 0x9402u);
  // 5 WS | PRFTEN | ICEN | DCEN (FLASH_ACR): revision Z gets prefetch.
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr), 0x0705u);
  EXPECT_TRUE(result.prefetch);
  EXPECT_EQ(result.flash_latency, 5u);
  EXPECT_EQ(fake_mmio::value(reg::kPwrCr) & 0xC000u, 0x4000u);    // VOS bit 14 = Scale 1
  EXPECT_EQ(fake_mmio::value(reg::kRccCr) & reg::kCrHseByp, 0u);  // crystal, not bypass
}

TEST_F(ClockBringupTest, F407StepsHappenInTheSafeOrder) {
  bring_up_clocks(kF407Plan, kSmallBudget);
  const int pwr_clock = fake_mmio::first_write(reg::kRccApb1enr, reg::kApb1PwrEn, reg::kApb1PwrEn);
  const int vos = fake_mmio::first_write(reg::kPwrCr, 1u << 14, 1u << 14);
  const int hse_on = fake_mmio::first_write(reg::kRccCr, reg::kCrHseOn, reg::kCrHseOn);
  const int pll_cfg = fake_mmio::first_write(reg::kRccPllcfgr, 0x3F, 8);
  const int pll_on = fake_mmio::first_write(reg::kRccCr, reg::kCrPllOn, reg::kCrPllOn);
  const int latency = fake_mmio::first_write(reg::kFlashAcr, reg::kAcrLatencyMask, 5);
  const int apb_slow = fake_mmio::first_write(reg::kRccCfgr, 0xFC00, 0xFC00);
  const int switch_pll = fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll);
  const int apb_final = fake_mmio::last_write(reg::kRccCfgr);
  for (int index : {pwr_clock, vos, hse_on, pll_cfg, pll_on, latency, apb_slow, switch_pll}) {
    ASSERT_GE(index, 0);
  }
  EXPECT_LT(pwr_clock, vos);
  EXPECT_LT(vos, pll_on);  // the scale is chosen while the PLL is off
  EXPECT_LT(hse_on, pll_cfg);
  EXPECT_LT(pll_cfg, pll_on);
  EXPECT_LT(pll_on, latency);
  EXPECT_LT(latency, switch_pll);   // wait states raised before the clock
  EXPECT_LT(apb_slow, switch_pll);  // APBs at /16 during the switch
  EXPECT_GT(apb_final, switch_pll);
}

TEST_F(ClockBringupTest, F411UsesBypassTwoBitScaleAndWaitsForVosReady) {
  fake_mmio::preset(reg::kPwrCr, 0x8000);  // the F411 resets to Scale 2
  const ClockResult result = bring_up_clocks(kF411Plan, kSmallBudget);
  EXPECT_EQ(result.failures, 0u);
  EXPECT_EQ(result.sysclk_hz, 100000000u);
  EXPECT_EQ(result.pclk1_hz, 50000000u);
  EXPECT_EQ(result.pclk2_hz, 100000000u);
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr) & 0x0F437FFFu, 0x04401904u);
  EXPECT_EQ(fake_mmio::value(reg::kPwrCr) & 0xC000u, 0xC000u);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr), 0x0703u);
  EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & 0xFFF3u, 0x1002u);  // APB1 /2, APB2 /1, SW = PLL
  // HSEBYP goes in while HSEON is still 0.
  const int bypass = fake_mmio::first_write(reg::kRccCr, reg::kCrHseByp, reg::kCrHseByp);
  const int hse_on = fake_mmio::first_write(reg::kRccCr, reg::kCrHseOn, reg::kCrHseOn);
  ASSERT_GE(bypass, 0);
  EXPECT_LT(bypass, hse_on);
  EXPECT_EQ(fake_mmio::log()[bypass].value & reg::kCrHseOn, 0u);
  EXPECT_GT(reads_of(reg::kPwrCsr), 0);
}

TEST_F(ClockBringupTest, PrefetchFollowsTheRevisionPolicy) {
  fake_mmio::preset(reg::kDbgmcuIdcode, 0x10006413);  // F407 revision A
  EXPECT_FALSE(bring_up_clocks(kF407Plan, kSmallBudget).prefetch);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr) & reg::kAcrPrftEn, 0u);
  EXPECT_NE(fake_mmio::value(reg::kFlashAcr) & reg::kAcrIcEn, 0u);  // caches still on

  SetUp();
  fake_mmio::preset(reg::kDbgmcuIdcode, 0);  // IDCODE unreadable: revision unknown
  EXPECT_FALSE(bring_up_clocks(kF407Plan, kSmallBudget).prefetch);

  SetUp();
  fake_mmio::preset(reg::kDbgmcuIdcode, 0x10006431);  // the F411 ignores the revision
  EXPECT_TRUE(bring_up_clocks(kF411Plan, kSmallBudget).prefetch);
}

}  // namespace
