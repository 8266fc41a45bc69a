// The Arm CMSDK APB timer (TIMER0 at 0x40000000) as the virtual boards' cycle counter.
//
// Under QEMU with -icount shift=6,sleep=off, virtual time advances exactly 64 ns per executed instruction
// and the timer counts at the 25 MHz board clock (40 ns per tick): 5 ticks are 8 instructions. The count
// is therefore deterministic, in instructions, to within one instruction per reading.
#pragma once

#include <cstdint>

namespace bsp::cmsdk_timer {

inline constexpr uintptr_t kTimer0 = 0x40000000;

void start(uintptr_t base);
// Ticks since start(), extended to 64 bits.
uint64_t ticks(uintptr_t base);

}  // namespace bsp::cmsdk_timer
