// The Netduino Plus 2's clock plan, in a header so the host register tests check the very values
// the board uses.
#pragma once

#include "clock_plan.hpp"

namespace bsp::stm32f4::netduinoplus2 {

// The real board runs 168 MHz from a 25 MHz crystal [U: board documentation, not in the fact
// sheet]: M=25 N=336 P=2 Q=7 (PLLCFGR 0x07405419); without it, the F407's HSI plan M=16 N=336 P=2
// Q=7. Buses and wait states as the F407 (same die). Under QEMU neither PLL path becomes ready (RCC
// reads 0, bsp-facts.md E.3), so SYSCLK stays on the HSI.
constexpr ClockPlan plan_168mhz() {
  ClockPlan plan{};
  plan.profile = "168mhz";
  plan.hse_hz = 25000000;
  plan.hse_bypass = false;
  plan.pll_hse = {25, 336, 2, 7};
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

}  // namespace bsp::stm32f4::netduinoplus2
