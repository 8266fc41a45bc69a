// The mutators' random numbers: a xorshift32 generator seeded by libFuzzer, so a mutation is
// reproducible from its seed.
#pragma once

#include <cstddef>
#include <cstdint>

namespace strata_fuzz {

struct Rng {
  uint32_t state;  // never 0 (seed | 1)
  uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
  uint32_t below(uint32_t n) { return n == 0 ? 0 : next() % n; }
  template <typename T, size_t N>
  T pick(const T (&values)[N]) {
    return values[below(N)];
  }
};

}  // namespace strata_fuzz
