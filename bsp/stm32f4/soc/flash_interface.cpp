#include "flash_interface.hpp"

#include "bsp/mmio.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4::flash {

bool set_latency(uint32_t wait_states) {
  mmio::modify(reg::kFlashAcr, reg::kAcrLatencyMask, wait_states);
  return (mmio::read(reg::kFlashAcr) & reg::kAcrLatencyMask) == wait_states;
}

void enable_accelerator(bool prefetch) {
  mmio::clear_bits(reg::kFlashAcr, reg::kAcrIcEn | reg::kAcrDcEn | reg::kAcrPrftEn);
  mmio::set_bits(reg::kFlashAcr, reg::kAcrIcRst | reg::kAcrDcRst);
  mmio::clear_bits(reg::kFlashAcr, reg::kAcrIcRst | reg::kAcrDcRst);
  mmio::set_bits(reg::kFlashAcr, reg::kAcrIcEn | reg::kAcrDcEn | (prefetch ? reg::kAcrPrftEn : 0u));
}

}  // namespace bsp::stm32f4::flash
