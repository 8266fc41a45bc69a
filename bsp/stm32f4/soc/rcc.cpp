#include "rcc.hpp"

#include "bsp/mmio.hpp"

namespace bsp::stm32f4::rcc {

void enable_clock(uintptr_t enable_register, uint32_t bit) {
  mmio::set_bits(enable_register, bit);
  static_cast<void>(mmio::read(enable_register));
}

}  // namespace bsp::stm32f4::rcc
