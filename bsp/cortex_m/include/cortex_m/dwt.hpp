// The DWT cycle counter (CYCCNT) of the Cortex-M4/M7, extended to 64 bits.
// Boards with real silicon use it as their cycle counter; QEMU does not model it (reads 0).
#pragma once

#include <cstdint>

namespace cortex_m::dwt {

// Enables trace (DEMCR.TRCENA), unlocks the DWT on the Cortex-M7 (lock access register), and starts
// CYCCNT from zero.
void start();

// Cycles since start(); wraps of the 32-bit counter are folded in when called at least once per
// wrap.
uint64_t now();

}  // namespace cortex_m::dwt
