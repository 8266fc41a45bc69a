// STM32F4 peripheral clock gates (RCC_AHB1ENR / APB1ENR / APB2ENR).
#pragma once

#include <cstdint>

namespace bsp::stm32f4::rcc {

// Sets `bit` in the enable register, then reads the register back: the read makes sure the clock is
// running before the caller's first access to the peripheral (ST's HAL does the same).
void enable_clock(uintptr_t enable_register, uint32_t bit);

}  // namespace bsp::stm32f4::rcc
