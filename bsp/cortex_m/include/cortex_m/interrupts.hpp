// A short section with interrupts masked (PRIMASK), for register sequences that must finish within
// a few bus clocks (e.g. the RTWDOG's unlock window). The previous mask state is restored, so it
// nests inside code that already runs with interrupts off. On the host (register-sequence tests)
// it compiles to nothing.
#pragma once

#include <cstdint>

namespace cortex_m {

class InterruptsOff {
 public:
  InterruptsOff() {
#if defined(__arm__)
    __asm__ volatile("mrs %0, primask\n cpsid i" : "=r"(saved_primask_)::"memory");
#endif
  }
  ~InterruptsOff() {
#if defined(__arm__)
    __asm__ volatile("msr primask, %0" ::"r"(saved_primask_) : "memory");
#endif
  }
  InterruptsOff(const InterruptsOff&) = delete;
  InterruptsOff& operator=(const InterruptsOff&) = delete;

 private:
  [[maybe_unused]] uint32_t saved_primask_ = 0;
};

}  // namespace cortex_m
