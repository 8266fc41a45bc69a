// The STM32F746 power controller: voltage scale and over-drive, the two steps that allow HCLK above
// 180 MHz. Every wait on a ready bit is bounded; the caller falls back to HSI when one times out.
#pragma once

#include <cstdint>

namespace bsp::stm32f7::pwr {

// Enables the PWR clock and selects voltage Scale 1. Only allowed while HSI or HSE drives SYSCLK;
// the scale takes effect once the PLL is on (RM0385 PWR_CR1).
void select_scale1();

// Waits (bounded) for VOSRDY, which the PWR sets once the PLL runs at the new scale.
bool wait_voltage_ready(uint32_t max_polls);

// The HAL's over-drive sequence (RM0385 PWR, over-drive mode): ODEN -> ODRDY, then ODSWEN ->
// ODSWRDY. On a timeout the enable bits are cleared again and false is returned.
bool enable_overdrive(uint32_t max_polls);

// Clears ODSWEN then ODEN (fallback path, after SYSCLK went back to HSI).
void disable_overdrive();

}  // namespace bsp::stm32f7::pwr
