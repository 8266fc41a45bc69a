#include "bsp/stack.hpp"

extern "C" uint32_t __stack_bottom;  // linker script: lowest usable stack word
extern "C" uint32_t __stack_top;

namespace bsp::stack {
namespace {

constexpr uint32_t kPaint = 0x5AC4DA7Au;

uint32_t current_sp() {
  uint32_t sp;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  return sp;
}

}  // namespace

void paint() {
  // Leave 64 bytes below the current SP for this function's own frame.
  uint32_t* end = reinterpret_cast<uint32_t*>(current_sp() - 64);
  for (uint32_t* word = &__stack_bottom; word < end; ++word) *word = kPaint;
}

uint32_t size_bytes() {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_top) -
                               reinterpret_cast<uintptr_t>(&__stack_bottom));
}

uint32_t high_water_bytes() {
  const uint32_t* word = &__stack_bottom;
  while (word < &__stack_top && *word == kPaint) ++word;
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_top) -
                               reinterpret_cast<uintptr_t>(word));
}

}  // namespace bsp::stack
