// Memory-mapped register access for SoC drivers.
//
// Drivers read and write registers only through these functions, so the host tests of a driver can
// link a fake register space instead (tests/bsp/common/fake_mmio): it records every write and
// answers reads, which lets a test assert the final register values, the order of the critical
// steps and the timeout paths of bounded waits. On the target (no BSP_MMIO_FAKE) they compile to
// plain volatile accesses.
#pragma once

#include <cstdint>

namespace bsp::mmio {

#ifdef BSP_MMIO_FAKE
uint32_t read(uintptr_t address);
void write(uintptr_t address, uint32_t value);
#else
inline uint32_t read(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }
inline void write(uintptr_t address, uint32_t value) {
  *reinterpret_cast<volatile uint32_t*>(address) = value;
}
#endif

inline void set_bits(uintptr_t address, uint32_t bits) { write(address, read(address) | bits); }
inline void clear_bits(uintptr_t address, uint32_t bits) { write(address, read(address) & ~bits); }
// Replaces the bits under `mask` with `value` (already shifted into place).
inline void modify(uintptr_t address, uint32_t mask, uint32_t value) {
  write(address, (read(address) & ~mask) | (value & mask));
}

// Polls until (register & mask) == expected, at most `max_polls` reads. Returns false on timeout,
// so the caller can fall back (e.g. to the internal oscillator) instead of hanging.
inline bool wait_until(uintptr_t address, uint32_t mask, uint32_t expected, uint32_t max_polls) {
  for (uint32_t i = 0; i < max_polls; ++i) {
    if ((read(address) & mask) == expected) return true;
  }
  return false;
}

}  // namespace bsp::mmio
