// A RAM test for external memory (the `sdram` board command): data-line walking ones, then
// address-in-address over a range, with the address and its complement.
//
// Walking ones writes each single-bit pattern to one word and reads it back: a stuck or shorted
// data line shows as a wrong bit. Address-in-address writes every word's own address into it, then
// checks all of them: a stuck or shorted address line makes two words alias, and the first one
// reads the other's address. The complement pass catches data bits that happen to equal the address
// pattern. The D-cache is cleaned and invalidated before every verification, so the reads come from
// the memory, not the cache. All accesses go through bsp::mmio, so the host tests can inject
// faults.
#pragma once

#include <cstdint>

namespace bsp::stm32f7::memory_test {

struct Result {
  bool passed;
  const char* test;   // name of the test that failed (or the last one run)
  uintptr_t address;  // first failing word
  uint32_t expected;
  uint32_t actual;
  uint32_t bytes_tested;
};

// Walking ones on the word at `address` (32 patterns); the word's old value is not kept.
Result walking_ones(uintptr_t address);

// Address-in-address and its complement over [start, start + bytes), word aligned.
Result address_in_address(uintptr_t start, uint32_t bytes);

// walking_ones on the first word, then address_in_address on the whole range.
Result run(uintptr_t start, uint32_t bytes);

}  // namespace bsp::stm32f7::memory_test
