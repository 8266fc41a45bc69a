// The ARMv7-M MPU: regions give memory its type (e.g. SDRAM as Normal memory) and guard regions
// catch stack overflows. The default memory map stays active for privileged code (PRIVDEFENA), so
// only the regions a board configures change anything.
#pragma once

#include <cstdint>

namespace cortex_m::mpu {

enum class Access : uint8_t { kNone, kReadWrite, kReadOnly };
enum class MemoryType : uint8_t { kNormalCached, kNormalUncached, kDevice, kStronglyOrdered };

struct Region {
  uint32_t base;       // aligned to size
  uint32_t size_log2;  // 5 (32 bytes) .. 32 (4 GB)
  Access access;
  MemoryType type;
  bool execute;
};

// Programs region `number` (0..7); returns false when base/size are not valid (misaligned, too
// small).
bool configure(uint32_t number, const Region& region);

// Enables the MPU with the default map as background and MemManage faults enabled.
void enable();

// Makes the 32 bytes below the main stack (linker symbol __stack_guard) a no-access region, so a
// stack overflow is a MemManage fault with a report instead of silent corruption. Uses region
// `number`.
bool guard_stack(uint32_t number);

// The RASR/RBAR encodings, exposed for host tests of board MPU set-ups.
uint32_t rasr_value(const Region& region);

}  // namespace cortex_m::mpu
