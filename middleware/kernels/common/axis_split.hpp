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

// Reads input `axis_input`, a constant int32 tensor with exactly one element, as an axis of `in`
// (rank >= 1; negative values count from the end) and splits in's dims around it.
Status read_axis_split(const OpContext& ctx, uint32_t axis_input, const TensorView& in,
                       int32_t* axis, AxisSplit* split);

}  // namespace kernels
}  // namespace strata
