// A tensor seen around one axis, for ops that work along a single axis (ARG_MAX, ARG_MIN, CUMSUM):
// row-major, element (o, i, n) of the [outer, size, inner] view is at (o * size + i) * inner + n,
// where outer is the product of the dims before the axis and inner of those after it.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

struct AxisSplit {
  int32_t outer;
  int32_t size;
  int32_t inner;
};

// Validates an op of the form (input, axis) -> output and reads its axis: input 1 must be a
// constant int32 tensor with exactly one element, an axis of input 0 (rank >= 1; negative values
// count from the end). Splits input 0's dims around it.
Status read_axis_split(const OpContext& ctx, int32_t* axis, AxisSplit* split);

}  // namespace kernels
}  // namespace strata
