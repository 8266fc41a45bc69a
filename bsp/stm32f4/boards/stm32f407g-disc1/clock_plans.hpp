// The STM32F407G-DISC1's clock plans (RM0090 RCC), in a header so the host register tests
// check the very values the board uses.
#pragma once

#include "f405_f407_clock_plan.hpp"

namespace bsp::stm32f4::stm32f407g_disc1 {

// 168 MHz from the 8 MHz crystal: M=8 N=336 P=2 Q=7 (PLLCFGR 0x07405408), as ST's F4-Discovery
// template; without the crystal, from the HSI (f405_f407_clock_plan.hpp).
inline constexpr ClockPlan kClockPlans[] = {f405_f407_plan_168mhz(8000000, {8, 336, 2, 7})};

}  // namespace bsp::stm32f4::stm32f407g_disc1
