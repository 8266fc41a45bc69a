// Plain 4-D extents (NHWC) passed to compute functions.
//
// Compute functions take these instead of interpreter tensor types so tests and the optimized
// backend's cross-checks can call them directly with hand-made shapes.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

struct Dims4 {
  int32_t n;
  int32_t h;
  int32_t w;
  int32_t c;
};

inline int32_t flat_size(const Dims4& d) { return d.n * d.h * d.w * d.c; }

// Index of element (n, y, x, c) in a dense NHWC buffer.
inline int32_t offset4(const Dims4& d, int32_t n, int32_t y, int32_t x, int32_t c) {
  return ((n * d.h + y) * d.w + x) * d.c + c;
}

}  // namespace kernels
}  // namespace strata
