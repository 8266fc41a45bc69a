#include "cortex_m/cache.hpp"

#include <cstdint>

#include "bsp/mmio.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/registers.hpp"

namespace cortex_m::cache {
namespace {

constexpr uintptr_t kDccisw = 0xE000EF74;  // clean and invalidate by set/way

// Applies a set/way operation register to every line of the L1 data cache (CCSIDR geometry).
void for_each_dcache_line(uintptr_t operation) {
  mmio::write(reg::kCsselr, 0);  // level 1, data
  dsb();
  const uint32_t ccsidr = mmio::read(reg::kCcsidr);
  const uint32_t sets = ((ccsidr >> 13) & 0x7FFF) + 1;
  const uint32_t ways = ((ccsidr >> 3) & 0x3FF) + 1;
  for (uint32_t set = 0; set < sets; ++set) {
    for (uint32_t way = 0; way < ways; ++way) {
      // Cortex-M7: 32-byte lines (set field at bit 5) and at most 4 ways (way field at bit 30).
      mmio::write(operation, (set << 5) | (way << 30));
    }
  }
  dsb();
}

}  // namespace

void enable_icache() {
  if (mmio::read(reg::kCcr) & reg::kCcrIcacheEnable) return;
  dsb();
  isb();
  mmio::write(reg::kIcialu, 0);
  dsb();
  isb();
  mmio::set_bits(reg::kCcr, reg::kCcrIcacheEnable);
  dsb();
  isb();
}

void enable_dcache() {
  if (mmio::read(reg::kCcr) & reg::kCcrDcacheEnable) return;
  for_each_dcache_line(reg::kDcisw);
  mmio::set_bits(reg::kCcr, reg::kCcrDcacheEnable);
  dsb();
  isb();
}

void clean_invalidate_dcache() { for_each_dcache_line(kDccisw); }

}  // namespace cortex_m::cache
