// Prepare-time parameters of MAX_POOL_2D, AVERAGE_POOL_2D (float32, int8, int16) and L2_POOL_2D.
//
// Pooling windows are clipped at the input border: padded positions are skipped, not counted as
// zeros, so an average over a border window divides by the number of real elements (TFLite).
// Arena-resident: fixed-width fields only.
#pragma once

#include <cstdint>

#include "common/activation.hpp"
#include "common/dims.hpp"
#include "common/padding.hpp"
#include "strata/tensor.hpp"

namespace strata {
namespace kernels {

struct PoolParams {
  int16_t stride_h;
  int16_t stride_w;
  int16_t filter_h;
  int16_t filter_w;
  int16_t pad_h;
  int16_t pad_w;
  int32_t act_min;  // int8, int16
  int32_t act_max;
  float act_min_f;  // float32
  float act_max_f;
};
static_assert(sizeof(PoolParams) == 28, "arena-resident layout");

// Clipped window [start, end) along one axis for output position o.
inline void pool_window(int32_t o, int32_t stride, int32_t pad, int32_t filter, int32_t size,
                        int32_t* start, int32_t* end) {
  const int32_t origin = o * stride - pad;
  *start = origin < 0 ? 0 : origin;
  *end = origin + filter < size ? origin + filter : size;
}

// The clipped window of one output pixel: rows [y0, y1), columns [x0, x1).
struct PoolWindow {
  int32_t y0, y1, x0, x1;
  int32_t count() const { return (y1 - y0) * (x1 - x0); }
};

inline PoolWindow pool_window_at(const PoolParams& p, const Dims4& in, int32_t oy, int32_t ox) {
  PoolWindow w;
  pool_window(oy, p.stride_h, p.pad_h, p.filter_h, in.h, &w.y0, &w.y1);
  pool_window(ox, p.stride_w, p.pad_w, p.filter_w, in.w, &w.x0, &w.x1);
  return w;
}

// Geometry from the options; out_h/out_w receive the expected output extents.
bool compute_pool_geometry(Padding padding, int32_t stride_h, int32_t stride_w, int32_t filter_h,
                           int32_t filter_w, int32_t in_h, int32_t in_w, PoolParams* p,
                           int32_t* out_h, int32_t* out_w);

// Activation clamp: float, and for int8/int16 in the output's quantized domain (scale, zero point).
bool compute_pool_activation(FusedActivation act, DataType type, float out_scale, int32_t out_zp,
                             PoolParams* p);

}  // namespace kernels
}  // namespace strata
