// RunStats: min/avg/max of a series of counter readings (the `bench` command's statistics).
#pragma once

#include <stdint.h>

namespace app {

struct RunStats {
  uint64_t min = UINT64_MAX;
  uint64_t max = 0;
  uint64_t sum = 0;
  uint32_t runs = 0;

  void add(uint64_t value) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
    ++runs;
  }
  uint64_t avg() const { return runs > 0 ? sum / runs : 0; }
};

}  // namespace app
