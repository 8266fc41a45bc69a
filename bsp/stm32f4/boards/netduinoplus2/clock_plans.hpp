// The Netduino Plus 2's clock plan, in a header so the host register tests check the very values
// the board uses.
#pragma once

#include "f405_f407_clock_plan.hpp"

namespace bsp::stm32f4::netduinoplus2 {

// The real board runs 168 MHz from its 25 MHz crystal (not checked on hardware): M=25 N=336 P=2
// Q=7 (PLLCFGR 0x07405419); without it, from the HSI as the F407 (same die,
// f405_f407_clock_plan.hpp). Under QEMU neither PLL path becomes ready (QEMU 7.2 has no RCC model:
// RCC_CR reads 0), so SYSCLK stays on the HSI.
inline constexpr ClockPlan kClockPlans[] = {f405_f407_plan_168mhz(25000000, {25, 336, 2, 7})};

}  // namespace bsp::stm32f4::netduinoplus2
