// Memory barriers, spelled once. On the host (register-sequence tests) they compile to nothing.
#pragma once

namespace cortex_m {

#if defined(__arm__)
inline void dsb() { __asm__ volatile("dsb 0xF" ::: "memory"); }
inline void isb() { __asm__ volatile("isb 0xF" ::: "memory"); }
#else
inline void dsb() {}
inline void isb() {}
#endif

}  // namespace cortex_m
