// SysTick as a free-running 24-bit down counter, for short timeouts and as a fallback cycle source
// where no DWT exists (QEMU netduinoplus2). No interrupt is used.
#pragma once

#include <cstdint>

namespace cortex_m::systick {

// Runs SysTick from the core clock (CLKSOURCE = 1) with the full 24-bit reload.
void start();

// Core clock ticks since start(), extended to 64 bits (call at least once per 2^24 ticks).
uint64_t now();

}  // namespace cortex_m::systick
