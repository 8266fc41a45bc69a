// Main stack usage, for the app's `mem` command: the board paints the stack with a pattern at boot,
// and the high-water mark is the deepest point where the pattern was overwritten. Every Cortex-M
// board gets it from bsp/cortex_m (stack_paint.cpp), which reads the stack bounds from the linker
// script.
#pragma once

#include <cstdint>

namespace bsp::stack {

// Paints the unused part of the main stack (below the current stack pointer). Call early in main().
void paint();

uint32_t size_bytes();
// Bytes of stack ever used since paint().
uint32_t high_water_bytes();

}  // namespace bsp::stack
