#include "memory_protection.hpp"

namespace bsp::stm32f7::memory_protection {

using cortex_m::mpu::Access;
using cortex_m::mpu::MemoryType;
using cortex_m::mpu::Region;

Region sdram_region(uint32_t base, uint32_t size_log2) {
  // Not shareable: the Cortex-M7 would treat shareable Normal memory as uncached.
  return {base, size_log2, Access::kReadWrite, MemoryType::kNormalCached, false};
}

Region guard_region(uint32_t address) {
  return {address, kGuardSizeLog2, Access::kNone, MemoryType::kNormalCached, false};
}

bool configure(uint32_t sdram_base, uint32_t sdram_size_log2, uint32_t stack_guard_address) {
  const Region sdram = sdram_region(sdram_base, sdram_size_log2);
  if (!cortex_m::mpu::configure(kSdramRegion, sdram)) return false;
  if (!cortex_m::mpu::configure(kNullTrapRegion, guard_region(0))) return false;
  if (!cortex_m::mpu::configure(kStackGuardRegion, guard_region(stack_guard_address))) return false;
  cortex_m::mpu::enable();
  return true;
}

}  // namespace bsp::stm32f7::memory_protection
