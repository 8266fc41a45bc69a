// The Arm CMSDK APB timer (TIMER0 at 0x40000000) as the virtual boards' cycle counter.
//
// Under QEMU with -icount shift=6,sleep=off, virtual time advances exactly 64 ns per executed
// instruction and the timer counts at the 25 MHz board clock (40 ns per tick): 8 ticks are 5
// instructions. The count is deterministic and converts exactly to executed instructions (see
// mps2_board.cpp).
#pragma once

#include <cstdint>

namespace bsp::cmsdk_timer {

inline constexpr uintptr_t kTimer0 = 0x40000000;

void start(uintptr_t base);
// Ticks since start(), extended to 64 bits.
uint64_t ticks(uintptr_t base);

}  // namespace bsp::cmsdk_timer
