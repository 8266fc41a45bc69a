// The board's cycle counter, used for per-layer profiling.
//
// On real boards it counts core clock cycles (DWT CYCCNT). On virtual boards it counts executed
// instructions (QEMU with -icount): the unit says which, and reports must print it, because
// instructions are not cycles. The count is 64-bit and monotonic (wraps of the hardware counter are
// folded in, as long as now() is called at least once per hardware wrap period).
#pragma once

#include <cstdint>

namespace bsp::cycle_counter {

void start();
uint64_t now();

// "cycles" or "instructions".
const char* unit();

// True when the unit is core clock cycles, so a count converts to time at clock_info().core_hz.
bool counts_cycles();

}  // namespace bsp::cycle_counter
