// The element loop of binary element-wise kernels: flat when both inputs have the output's
// shape, else a 4-D walk with per-input strides (0 = broadcast along that axis).
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

template <typename T, typename F>
void binary_loop(const Broadcast4* bc, int32_t count, const T* a, const T* b, T* out, F f) {
  if (bc == nullptr) {
    for (int32_t i = 0; i < count; ++i) out[i] = f(a[i], b[i]);
    return;
  }
  int32_t o = 0;
  for (int32_t i0 = 0; i0 < bc->out[0]; ++i0) {
    for (int32_t i1 = 0; i1 < bc->out[1]; ++i1) {
      for (int32_t i2 = 0; i2 < bc->out[2]; ++i2) {
        const int32_t base1 = i0 * bc->stride1[0] + i1 * bc->stride1[1] + i2 * bc->stride1[2];
        const int32_t base2 = i0 * bc->stride2[0] + i1 * bc->stride2[1] + i2 * bc->stride2[2];
        for (int32_t i3 = 0; i3 < bc->out[3]; ++i3) {
          out[o++] = f(a[base1 + i3 * bc->stride1[3]], b[base2 + i3 * bc->stride2[3]]);
        }
      }
    }
  }
}

}  // namespace reference
}  // namespace kernels
}  // namespace strata
