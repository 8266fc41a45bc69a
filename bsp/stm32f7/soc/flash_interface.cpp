#include "flash_interface.hpp"

#include "bsp/mmio.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::flash {

namespace mmio = bsp::mmio;

bool set_wait_states(uint32_t wait_states) {
  mmio::modify(reg::kFlashAcr, reg::kAcrLatencyMask, wait_states);
  return (mmio::read(reg::kFlashAcr) & reg::kAcrLatencyMask) == wait_states;
}

void enable_art_and_prefetch() {
  mmio::clear_bits(reg::kFlashAcr, reg::kAcrArtEn);
  mmio::set_bits(reg::kFlashAcr, reg::kAcrArtRst);
  mmio::clear_bits(reg::kFlashAcr, reg::kAcrArtRst);
  mmio::set_bits(reg::kFlashAcr, reg::kAcrArtEn | reg::kAcrPrftEn);
}

}  // namespace bsp::stm32f7::flash
