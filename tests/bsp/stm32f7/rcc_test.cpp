// RCC / PWR / FLASH bring-up of the STM32F746 against the fake register space: final register
// values of both profiles, the order of the critical steps, and every timeout's fallback to HSI.
#include "rcc.hpp"

#include <gtest/gtest.h>

#include <string>

#include "f7_hardware_model.hpp"
#include "fake_mmio.hpp"
#include "registers.hpp"

namespace {

namespace reg = bsp::stm32f7::reg;
namespace rcc = bsp::stm32f7::rcc;
using bsp::stm32f7::kProfile216Mhz;
using bsp::stm32f7::kProfile288Mhz;
using rcc::ClockStatus;

constexpr uint32_t kSwPllWrite = reg::kCfgrSwPll;

TEST(Stm32f7Rcc, Profile216ReachesStFinalRegisterValues) {
  f7_test::install();
  const rcc::ClockResult result = rcc::configure(kProfile216Mhz);
  EXPECT_EQ(result.status, ClockStatus::kOk);
  // PLLCFGR fields 0x09406C19, bits outside the fields kept from the reset value.
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr) & reg::kPllcfgrFieldsMask, 0x09406C19u);
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr) & ~reg::kPllcfgrFieldsMask, 0x20000000u);
  EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & ~reg::kCfgrSwsMask, 0x00009402u);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr) & reg::kAcrLatencyMask, 7u);
  EXPECT_TRUE(fake_mmio::value(reg::kFlashAcr) & reg::kAcrArtEn);
  EXPECT_TRUE(fake_mmio::value(reg::kFlashAcr) & reg::kAcrPrftEn);
  EXPECT_FALSE(fake_mmio::value(reg::kFlashAcr) & reg::kAcrArtRst);
  EXPECT_EQ(fake_mmio::value(reg::kPwrCr) & reg::kPwrCrVosMask, reg::kPwrCrVosScale1);
  EXPECT_TRUE(fake_mmio::value(reg::kPwrCr) & reg::kPwrCrOdEn);
  EXPECT_TRUE(fake_mmio::value(reg::kPwrCr) & reg::kPwrCrOdSwEn);
  EXPECT_TRUE(fake_mmio::value(reg::kRccApb1enr) & reg::kApb1PwrEn);
  EXPECT_TRUE(fake_mmio::value(reg::kRccCr) & reg::kCrHseOn);
  EXPECT_FALSE(fake_mmio::value(reg::kRccCr) & reg::kCrHseByp);  // crystal, not bypass
  EXPECT_EQ(result.tree.sysclk_hz, 216000000u);
  EXPECT_EQ(result.tree.hclk_hz, 216000000u);
  EXPECT_EQ(result.tree.pclk1_hz, 54000000u);
  EXPECT_EQ(result.tree.pclk2_hz, 108000000u);
}

TEST(Stm32f7Rcc, Profile216CriticalStepsInStOrder) {
  f7_test::install();
  ASSERT_EQ(rcc::configure(kProfile216Mhz).status, ClockStatus::kOk);
  const int vos = fake_mmio::first_write(reg::kPwrCr, reg::kPwrCrVosMask, reg::kPwrCrVosScale1);
  const int hse_on = fake_mmio::first_write(reg::kRccCr, reg::kCrHseOn, reg::kCrHseOn);
  const int hse_ready = f7_test::first_read(reg::kRccCr, reg::kCrHseRdy, reg::kCrHseRdy);
  const int pllcfgr = fake_mmio::last_write(reg::kRccPllcfgr);
  const int pll_on = fake_mmio::first_write(reg::kRccCr, reg::kCrPllOn, reg::kCrPllOn);
  const int pll_ready = f7_test::first_read(reg::kRccCr, reg::kCrPllRdy, reg::kCrPllRdy);
  const int oden = fake_mmio::first_write(reg::kPwrCr, reg::kPwrCrOdEn, reg::kPwrCrOdEn);
  const int odswen = fake_mmio::first_write(reg::kPwrCr, reg::kPwrCrOdSwEn, reg::kPwrCrOdSwEn);
  const int odsw_ready =
      f7_test::first_read(reg::kPwrCsr, reg::kPwrCsrOdSwRdy, reg::kPwrCsrOdSwRdy);
  const int latency = fake_mmio::first_write(reg::kFlashAcr, reg::kAcrLatencyMask, 7);
  const int slow_apb =
      fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask,
                             reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask);
  const int switch_pll = fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, kSwPllWrite);
  const int on_pll = f7_test::first_read(reg::kRccCfgr, reg::kCfgrSwsMask, reg::kCfgrSwPll << 2);
  const int final_apb = fake_mmio::last_write(reg::kRccCfgr);
  for (int index : {vos, hse_on, hse_ready, pllcfgr, pll_on, pll_ready, oden, odswen, odsw_ready,
                    latency, slow_apb, switch_pll, on_pll, final_apb}) {
    ASSERT_GE(index, 0);
  }
  EXPECT_LT(vos, hse_on);
  EXPECT_LT(hse_ready, pllcfgr);
  EXPECT_LT(pllcfgr, pll_on);
  EXPECT_LT(pll_ready, oden);         // over-drive after the PLL locked ...
  EXPECT_LT(odsw_ready, switch_pll);  // ... and complete before SYSCLK moves to the PLL
  EXPECT_LT(odswen, switch_pll);
  EXPECT_LT(latency, switch_pll);   // wait states before the clock rises
  EXPECT_LT(slow_apb, switch_pll);  // APB at /16 during the switch
  EXPECT_LT(on_pll, final_apb);     // final prescalers only once SWS shows the PLL
}

TEST(Stm32f7Rcc, Profile288IsTheDocumentedOverclock) {
  f7_test::install();
  const rcc::ClockResult result = rcc::configure(kProfile288Mhz);
  ASSERT_EQ(result.status, ClockStatus::kOk);
  // M = 13, N = 300, P = 2, Q = 12 from HSE -> 0x0C404B0D; APB1 /8, APB2 /4 -> CFGR
  // 0xB802.
  EXPECT_EQ(fake_mmio::value(reg::kRccPllcfgr) & reg::kPllcfgrFieldsMask, 0x0C404B0Du);
  EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & ~reg::kCfgrSwsMask, 0x0000B802u);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr) & reg::kAcrLatencyMask, 9u);
  EXPECT_EQ(result.tree.sysclk_hz, 288461538u);
  EXPECT_EQ(result.tree.pclk1_hz, 288461538u / 8);
  EXPECT_EQ(result.tree.pclk2_hz, 288461538u / 4);
  EXPECT_NE(std::string(kProfile288Mhz.note).find("OVERCLOCK"), std::string::npos);
  EXPECT_STREQ(kProfile216Mhz.note, "");
}

TEST(Stm32f7Rcc, WaitStateRuleMatchesRm0385) {
  using bsp::stm32f7::required_wait_states;
  EXPECT_EQ(required_wait_states(30000000), 0u);
  EXPECT_EQ(required_wait_states(30000001), 1u);
  EXPECT_EQ(required_wait_states(200000000), 6u);  // ST: 6 WS at 200 MHz
  EXPECT_EQ(required_wait_states(216000000), 7u);  // ST: 7 WS at 216 MHz
  EXPECT_EQ(required_wait_states(288461538), 9u);
}

// Every fallback ends on HSI at 16 MHz with PLL, HSE and over-drive off and the wait states back at
// 0.
void expect_hsi_fallback(const rcc::ClockResult& result, ClockStatus expected) {
  EXPECT_EQ(result.status, expected);
  EXPECT_EQ(result.tree.sysclk_hz, 16000000u);
  EXPECT_EQ(result.tree.hclk_hz, 16000000u);
  EXPECT_EQ(result.tree.pclk2_hz, 16000000u);
  EXPECT_EQ(fake_mmio::value(reg::kRccCfgr) & reg::kCfgrSwMask, reg::kCfgrSwHsi);
  EXPECT_FALSE(fake_mmio::value(reg::kRccCr) & reg::kCrPllOn);
  EXPECT_FALSE(fake_mmio::value(reg::kRccCr) & reg::kCrHseOn);
  EXPECT_FALSE(fake_mmio::value(reg::kPwrCr) & (reg::kPwrCrOdEn | reg::kPwrCrOdSwEn));
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr) & reg::kAcrLatencyMask, 0u);
  EXPECT_STRNE(rcc::status_text(expected), "");
}

TEST(Stm32f7Rcc, HseTimeoutFallsBackToHsiWithoutStartingThePll) {
  f7_test::HardwareModel model;
  model.hse_reads = -1;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kHseTimeout);
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCr, reg::kCrPllOn, reg::kCrPllOn), -1);
  // Bounded: the wait gave up after its budget, not earlier and not never.
  EXPECT_GE(f7_test::read_count(reg::kRccCr), static_cast<int>(rcc::kHseMaxPolls));
  EXPECT_LT(f7_test::read_count(reg::kRccCr), static_cast<int>(rcc::kHseMaxPolls) + 100);
}

TEST(Stm32f7Rcc, PllTimeoutFallsBackBeforeOverdrive) {
  f7_test::HardwareModel model;
  model.pll_reads = -1;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kPllTimeout);
  EXPECT_EQ(fake_mmio::first_write(reg::kPwrCr, reg::kPwrCrOdEn, reg::kPwrCrOdEn), -1);
}

TEST(Stm32f7Rcc, VoltageScaleTimeoutFallsBack) {
  f7_test::HardwareModel model;
  model.vos_reads = -1;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kVoltageTimeout);
}

TEST(Stm32f7Rcc, OverdriveReadyTimeoutFallsBackAndNeverSwitches) {
  f7_test::HardwareModel model;
  model.od_reads = -1;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kOverdriveTimeout);
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, kSwPllWrite), -1);
  EXPECT_EQ(fake_mmio::first_write(reg::kPwrCr, reg::kPwrCrOdSwEn, reg::kPwrCrOdSwEn), -1);
}

TEST(Stm32f7Rcc, OverdriveSwitchTimeoutFallsBack) {
  f7_test::HardwareModel model;
  model.odsw_reads = -1;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile288Mhz), ClockStatus::kOverdriveTimeout);
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, kSwPllWrite), -1);
}

TEST(Stm32f7Rcc, RejectedWaitStatesNeverRaiseTheClock) {
  f7_test::HardwareModel model;
  model.max_latency = 5;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kFlashRejected);
  EXPECT_EQ(fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, kSwPllWrite), -1);
}

TEST(Stm32f7Rcc, SwitchTimeoutLowersWaitStatesOnlyAfterLeavingThePll) {
  f7_test::HardwareModel model;
  model.pll_switch_works = false;
  f7_test::install(model);
  expect_hsi_fallback(rcc::configure(kProfile216Mhz), ClockStatus::kSwitchTimeout);
  const int back_to_hsi = fake_mmio::last_write(reg::kRccCfgr);
  int lowered = -1;
  const auto& log = fake_mmio::log();
  for (size_t i = 0; i < log.size(); ++i) {
    if (log[i].is_write && log[i].address == reg::kFlashAcr &&
        (log[i].value & reg::kAcrLatencyMask) == 0) {
      lowered = static_cast<int>(i);
    }
  }
  EXPECT_GT(lowered, fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, kSwPllWrite));
  EXPECT_GT(lowered, back_to_hsi);
}

TEST(Stm32f7Rcc, RunningPllIsStoppedBeforeItsConfigurationChanges) {
  f7_test::install();
  // A debugger reset of the core alone leaves the PLL configured and running.
  fake_mmio::preset(reg::kRccCr, 0x00000083 | reg::kCrPllOn);
  fake_mmio::preset(reg::kRccCfgr, reg::kCfgrSwPll);
  ASSERT_EQ(rcc::configure(kProfile216Mhz).status, ClockStatus::kOk);
  const int to_hsi = fake_mmio::first_write(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwHsi);
  const int pll_off = fake_mmio::first_write(reg::kRccCr, reg::kCrPllOn, 0);
  const int pllcfgr = fake_mmio::first_write(reg::kRccPllcfgr, 0, 0);
  ASSERT_GE(to_hsi, 0);
  EXPECT_LT(to_hsi, pll_off);
  EXPECT_LT(pll_off, pllcfgr);
}

TEST(Stm32f7Rcc, ClockTreeIsDecodedFromTheRegisters) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kRccCfgr, reg::kCfgrSwHse << 2 | (0x8u << 4) | (0x5u << 10));
  rcc::ClockTree tree = rcc::read_clock_tree();  // HSE, AHB /2, APB1 /4, APB2 /1
  EXPECT_EQ(tree.sysclk_hz, 25000000u);
  EXPECT_EQ(tree.hclk_hz, 12500000u);
  EXPECT_EQ(tree.pclk1_hz, 3125000u);
  EXPECT_EQ(tree.pclk2_hz, 12500000u);
  // PLL from HSI, M = 8, N = 288, P = 2: the benchmark post's recipe, 288 MHz exactly.
  fake_mmio::preset(reg::kRccPllcfgr, 0x02004808);
  fake_mmio::preset(reg::kRccCfgr, (reg::kCfgrSwPll << 2) | 0xB800);
  tree = rcc::read_clock_tree();
  EXPECT_EQ(tree.sysclk_hz, 288000000u);
  EXPECT_EQ(tree.pclk1_hz, 36000000u);
  EXPECT_EQ(tree.pclk2_hz, 72000000u);
}

}  // namespace
