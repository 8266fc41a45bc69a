// STM32F4 voltage regulator scaling (PWR_CR.VOS): Scale 1 is required for the top clocks (168 MHz
// on the F407, 100 MHz on the F411, which resets to Scale 2). The PWR block's bus clock is enabled
// here.
#pragma once

#include <cstdint>

#include "clock_plan.hpp"

namespace bsp::stm32f4::power {

// Enables the PWR clock and selects Scale 1. Call while the PLL is off: the new scale takes effect
// when the PLL starts.
void select_scale1(VosField field);

// Polls PWR_CSR.VOSRDY at most `max_polls` times; false on timeout.
bool wait_scale_ready(uint32_t max_polls);

}  // namespace bsp::stm32f4::power
