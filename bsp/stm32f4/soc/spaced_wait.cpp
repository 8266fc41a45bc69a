#include "spaced_wait.hpp"

#include "bsp/mmio.hpp"

namespace bsp::stm32f4 {
namespace {

// About 50 iterations of nop + subs + taken branch: >= 100 cycles on the Cortex-M4. On the host
// (the register tests) the pause does nothing.
inline void pause() {
#if defined(__arm__)
  uint32_t count = 50;
  __asm__ volatile(
      "1:\n"
      "nop\n"
      "subs %0, %0, #1\n"
      "bne 1b\n"
      : "+r"(count)
      :
      : "cc");
#endif
}

}  // namespace

bool wait_spaced(uintptr_t address, uint32_t mask, uint32_t expected, uint32_t max_polls) {
  for (uint32_t i = 0; i < max_polls; ++i) {
    if (mmio::wait_until(address, mask, expected, 1)) return true;
    pause();
  }
  return false;
}

}  // namespace bsp::stm32f4
