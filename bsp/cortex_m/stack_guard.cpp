// The MPU guard below the main stack (cortex_m::mpu::guard_stack). Apart from mpu.cpp because it
// needs the linker script's __stack_guard symbol, which host tests of the MPU encoding do not have.
#include "cortex_m/mpu.hpp"

extern "C" uint32_t __stack_guard;  // linker script: 32-byte aligned, 32 bytes below __stack_bottom

namespace cortex_m::mpu {

bool guard_stack(uint32_t number) {
  const Region guard = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_guard)), 5,
                        Access::kNone, MemoryType::kNormalUncached, false};
  return configure(number, guard);
}

}  // namespace cortex_m::mpu
