// Enabling a peripheral's clock in the RCC, the way the STM32F7 needs it.
//
// After setting an enable bit the peripheral needs a couple of bus cycles before it responds; ST's
// HAL reads the enable register back to wait them out (RM0385 RCC). Every driver here
// enables its clocks through this one function so that read-back is never forgotten.
#pragma once

#include <cstdint>

#include "bsp/mmio.hpp"

namespace bsp::stm32f7 {

inline void enable_peripheral_clock(uintptr_t enable_register, uint32_t bits) {
  bsp::mmio::set_bits(enable_register, bits);
  (void)bsp::mmio::read(enable_register);  // the delay the RCC needs before the first access
}

}  // namespace bsp::stm32f7
