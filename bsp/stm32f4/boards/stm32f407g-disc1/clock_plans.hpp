// The STM32F407G-DISC1's clock plans (bsp-facts.md C.2), in a header so the host register tests
// check the very values the board uses.
#pragma once

#include "clock_plan.hpp"

namespace bsp::stm32f4::stm32f407g_disc1 {

// 168 MHz from the 8 MHz crystal: M=8 N=336 P=2 Q=7 (PLLCFGR 0x07405408), AHB /1, APB1 /4 (42 MHz),
// APB2 /2 (84 MHz), 5 wait states, Scale 1 (ST's F4-Discovery template). Without the crystal the
// PLL runs from the HSI: M=16 gives the same 1 MHz VCO input, so the same 168 MHz.
constexpr ClockPlan plan_168mhz() {
  ClockPlan plan{};
  plan.profile = "168mhz";
  plan.hse_hz = 8000000;
  plan.hse_bypass = false;
  plan.pll_hse = {8, 336, 2, 7};
  plan.pll_hsi = {16, 336, 2, 7};
  plan.ahb_divider = 1;
  plan.apb1_divider = 4;
  plan.apb2_divider = 2;
  plan.flash_latency = 5;
  plan.vos_field = VosField::kOneBit;
  plan.wait_vos_ready = false;
  plan.prefetch = PrefetchPolicy::kNotOnRevisionA;
  return plan;
}

inline constexpr ClockPlan kClockPlans[] = {plan_168mhz()};

}  // namespace bsp::stm32f4::stm32f407g_disc1
