// The MPU set-up of the STM32F7 boards: external SDRAM as Normal memory, a guard below the stack
// and a null-pointer trap.
//
// 0xC0000000 lies in the ARMv7-M default map's Device range, where every unaligned access faults
// and compilers emit those for memcpy and packed structs (ARMv7-M ARM B3.1): one region makes the
// SDRAM Normal, write-back cached, not executable. A higher-numbered (so winning) region makes the
// 32 bytes below the main stack inaccessible, so an overflow faults instead of silently corrupting
// data. Address 0 is ITCM RAM on the F7: without a trap, reading through a null pointer returns
// whatever code sits there, so the first 32 bytes (left unused by the linker script) are made
// inaccessible too.
#pragma once

#include <cstdint>

#include "cortex_m/mpu.hpp"

namespace bsp::stm32f7::memory_protection {

inline constexpr uint32_t kSdramRegion = 0;
inline constexpr uint32_t kNullTrapRegion = 6;
inline constexpr uint32_t kStackGuardRegion = 7;
inline constexpr uint32_t kGuardSizeLog2 = 5;  // 32 bytes: the MPU's smallest region

cortex_m::mpu::Region sdram_region(uint32_t base, uint32_t size_log2);
// A 32-byte no-access, no-execute region (the stack guard and the null trap).
cortex_m::mpu::Region guard_region(uint32_t address);

// Programs the three regions and enables the MPU (default map as background). False when a region
// is invalid (e.g. a misaligned guard); the MPU is then left off rather than half configured.
bool configure(uint32_t sdram_base, uint32_t sdram_size_log2, uint32_t stack_guard_address);

}  // namespace bsp::stm32f7::memory_protection
