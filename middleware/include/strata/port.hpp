// Port: the only thing the middleware needs from a board, a monotonic counter for profiling.
// The board (or a host tool) fills this struct; the middleware never includes board headers.
// `unit` names what the counter counts, e.g. "cycles" (DWT on hardware) or "instructions"
// (QEMU with -icount), so reports never call instructions cycles.
#pragma once

#include <stdint.h>

namespace strata {

struct CycleCounter {
  uint64_t (*now)();
  const char* unit;
};

}  // namespace strata
