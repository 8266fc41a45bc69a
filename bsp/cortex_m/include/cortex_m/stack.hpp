// Main stack usage: the stack is painted with a pattern at boot, and the high-water mark is the
// deepest point where the pattern was overwritten. Reported by the app's `mem` command.
#pragma once

#include <cstdint>

namespace cortex_m::stack {

// Paints the unused part of the main stack (below the current stack pointer). Call early in main().
void paint();

uint32_t size_bytes();
// Bytes of stack ever used since paint().
uint32_t high_water_bytes();
// Lowest address of the stack (just above the guard region, if the board has one).
uint32_t bottom();

}  // namespace cortex_m::stack
