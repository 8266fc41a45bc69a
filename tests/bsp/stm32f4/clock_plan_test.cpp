// Register encodings of the STM32F4 clock plans against the values of ST's templates (RM0090 /
// RM0383), and the choice of plan by clock profile.
#include "clock_plan.hpp"

#include <gtest/gtest.h>

#include "cortex_m/profile_lookup.hpp"
#include "stm32f4_test_support.hpp"
#include "usart.hpp"

namespace {

namespace f4 = bsp::stm32f4;

TEST(ClockPlanTest, PllcfgrFieldsMatchStTemplates) {
  EXPECT_EQ(f4::pllcfgr_fields({8, 336, 2, 7}, true), 0x07405408u);    // F4DISCOVERY, 168 MHz
  EXPECT_EQ(f4::pllcfgr_fields({16, 400, 4, 7}, false), 0x07016410u);  // F411E-DISCO HSI, 100 MHz
  EXPECT_EQ(f4::pllcfgr_fields({8, 384, 4, 8}, true), 0x08416008u);    // NUCLEO-F411RE, 96 MHz
  EXPECT_EQ(f4::pllcfgr_fields({4, 100, 2, 4}, true), 0x04401904u);    // NUCLEO-F411RE, 100 MHz
}

TEST(ClockPlanTest, PllOutputs) {
  EXPECT_EQ(f4::pll_output_hz(8000000, {8, 336, 2, 7}), 168000000u);
  EXPECT_EQ(f4::pll_output_hz(25000000, {25, 336, 2, 7}), 168000000u);
  EXPECT_EQ(f4::pll_output_hz(f4::kHsiHz, {16, 336, 2, 7}), 168000000u);
  EXPECT_EQ(f4::pll_output_hz(8000000, {4, 100, 2, 4}), 100000000u);
  EXPECT_EQ(f4::pll_output_hz(f4::kHsiHz, {16, 400, 4, 7}), 100000000u);
  EXPECT_EQ(f4::pll_output_hz(8000000, {8, 384, 4, 8}), 96000000u);
}

TEST(ClockPlanTest, PrescalerCodes) {
  EXPECT_EQ(f4::apb_prescaler_code(1), 0x0u);
  EXPECT_EQ(f4::apb_prescaler_code(2), 0x4u);
  EXPECT_EQ(f4::apb_prescaler_code(4), 0x5u);
  EXPECT_EQ(f4::apb_prescaler_code(16), 0x7u);
  EXPECT_EQ(f4::ahb_prescaler_code(1), 0x0u);
  EXPECT_EQ(f4::ahb_prescaler_code(2), 0x8u);
  EXPECT_EQ(f4::ahb_prescaler_code(512), 0xFu);
  EXPECT_EQ(f4::vos_scale1_bits(f4::VosField::kOneBit), 0x4000u);
  EXPECT_EQ(f4::vos_scale1_bits(f4::VosField::kTwoBits), 0xC000u);
}

TEST(ClockPlanTest, UsartBaudDivisorsMatchTheReferenceManual) {
  EXPECT_EQ(f4::usart::brr_value(42000000, 115200), 365u);  // F407 PCLK1
  EXPECT_EQ(f4::usart::brr_value(50000000, 115200), 434u);  // F411 @100 PCLK1
  EXPECT_EQ(f4::usart::brr_value(48000000, 115200), 417u);  // F411 @96 PCLK1
  EXPECT_EQ(f4::usart::brr_value(16000000, 115200), 139u);  // HSI fallback
}

TEST(ClockPlanTest, BoardPlansGiveTheirNamedClocks) {
  using stm32f4_test::kF407Plan;
  using stm32f4_test::kF411Plan;
  using stm32f4_test::kF411Plan96;
  using stm32f4_test::kNetduinoPlan;
  EXPECT_EQ(f4::pllcfgr_fields(kF407Plan.pll_hse, true), 0x07405408u);
  EXPECT_EQ(f4::pllcfgr_fields(kF411Plan.pll_hse, true), 0x04401904u);
  EXPECT_EQ(f4::pllcfgr_fields(kF411Plan.pll_hsi, false), 0x07016410u);
  EXPECT_EQ(f4::pllcfgr_fields(kF411Plan96.pll_hse, true), 0x08416008u);
  EXPECT_EQ(f4::pllcfgr_fields(kNetduinoPlan.pll_hse, true), 0x07405419u);
  // Every plan reaches its profile's clock from the HSE and from the HSI, within the VCO limits
  // (input 1-2 MHz, output 100-432 MHz, RCC_PLLCFGR) and the bus limits of the chip.
  struct Expect {
    const f4::ClockPlan* plan;
    uint32_t hz, apb1_max, apb2_max;
  };
  for (const Expect& e : {Expect{&kF407Plan, 168000000, 42000000, 84000000},
                          Expect{&kNetduinoPlan, 168000000, 42000000, 84000000},
                          Expect{&kF411Plan, 100000000, 50000000, 100000000},
                          Expect{&kF411Plan96, 96000000, 50000000, 100000000}}) {
    SCOPED_TRACE(e.plan->name);
    for (bool hse : {true, false}) {
      const f4::PllSettings& pll = hse ? e.plan->pll_hse : e.plan->pll_hsi;
      const uint32_t input = hse ? e.plan->hse_hz : f4::kHsiHz;
      EXPECT_EQ(f4::pll_output_hz(input, pll), e.hz);
      const uint32_t vco_in = input / pll.m;
      EXPECT_GE(vco_in, 1000000u);
      EXPECT_LE(vco_in, 2000000u);
      EXPECT_GE(vco_in * pll.n, 100000000u);
      EXPECT_LE(vco_in * pll.n, 432000000u);
    }
    EXPECT_LE(e.hz / e.plan->apb1_divider, e.apb1_max);
    EXPECT_LE(e.hz / e.plan->apb2_divider, e.apb2_max);
  }
}

// A board's kBoardConfig takes its plan from the shared compile-time lookup (board_config.hpp):
// exact names only; an unknown name is nullptr, and does not compile in a constant expression.
TEST(ClockProfileTest, SelectsByExactNameAtCompileTime) {
  const auto& plans = bsp::stm32f4::nucleo_f411re::kClockPlans;
  static_assert(&cortex_m::profile_named(bsp::stm32f4::nucleo_f411re::kClockPlans, "96mhz") ==
                    &bsp::stm32f4::nucleo_f411re::kClockPlans[1],
                "96mhz is the NUCLEO's second plan");
  EXPECT_EQ(cortex_m::find_profile(plans, "96mhz"), &plans[1]);
  EXPECT_EQ(cortex_m::find_profile(plans, "100mhz"), &plans[0]);
  EXPECT_EQ(cortex_m::find_profile(plans, "96mhz-extra"), nullptr);
  EXPECT_EQ(cortex_m::find_profile(plans, "96"), nullptr);
}

}  // namespace
