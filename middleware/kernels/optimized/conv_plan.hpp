// Builds the int8 engine's plan (conv_engine.hpp) from the shared ConvParams and shapes.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "kernel.hpp"
#include "optimized/conv_engine.hpp"

namespace strata {
namespace kernels {
namespace optimized {

inline uint32_t align8u(uint32_t n) { return (n + 7u) & ~7u; }

// A CONV_2D (grouped when in.c is a multiple of filter.c) over int8 input.
inline Int8ConvPlan make_conv_plan(const ConvParams& p, const Dims4& in, const Dims4& filter,
                                   const Dims4& out, int32_t input_offset) {
  Int8ConvPlan plan;
  plan.window = WindowGeometry8{
      nullptr,  in.h,       in.w,       in.c,         filter.h,
      filter.w, p.stride_h, p.stride_w, p.dilation_h, p.dilation_w,
      p.pad_h,  p.pad_w,    0,          filter.c,     static_cast<int8_t>(-input_offset)};
  plan.batches = in.n;
  plan.out_h = out.h;
  plan.out_w = out.w;
  plan.groups = in.c / filter.c;
  plan.out_per_group = filter.n / plan.groups;
  plan.input_offset = input_offset;
  return plan;
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
