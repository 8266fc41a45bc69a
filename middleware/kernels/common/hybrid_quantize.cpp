#include "common/hybrid_quantize.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

void min_max(const float* values, int32_t count, float* lo, float* hi) {
  float mn = count > 0 ? values[0] : 0.0f;
  float mx = mn;
  for (int32_t i = 1; i < count; ++i) {
    if (values[i] < mn) mn = values[i];
    if (values[i] > mx) mx = values[i];
  }
  *lo = mn;
  *hi = mx;
}

void fill_zero(int8_t* q, int32_t count) {
  for (int32_t i = 0; i < count; ++i) q[i] = 0;
}

}  // namespace

DynamicQuant quantize_symmetric(const float* values, int32_t count, int8_t* quantized) {
  float lo;
  float hi;
  min_max(values, count, &lo, &hi);
  const float abs_lo = lo < 0 ? -lo : lo;
  const float abs_hi = hi < 0 ? -hi : hi;
  const float range = abs_lo > abs_hi ? abs_lo : abs_hi;
  if (range == 0.0f) {
    fill_zero(quantized, count);
    return {1.0f, 0};
  }
  const float inv = 127.0f / range;
  for (int32_t i = 0; i < count; ++i) {
    const int32_t q = round_to_i32(values[i] * inv);
    quantized[i] = static_cast<int8_t>(clamp_i32(q, -127, 127));
  }
  return {range / 127.0f, 0};
}

DynamicQuant quantize_asymmetric(const float* values, int32_t count, int8_t* quantized) {
  float lo;
  float hi;
  min_max(values, count, &lo, &hi);
  const double rmin = lo < 0.0f ? lo : 0.0;
  const double rmax = hi > 0.0f ? hi : 0.0;
  if (rmin == rmax) {
    fill_zero(quantized, count);
    return {1.0f, 0};
  }
  const double qmin = -128.0;
  const double qmax = 127.0;
  const double scale = (rmax - rmin) / (qmax - qmin);
  // Pick the zero point from whichever end loses less precision, then nudge it onto the grid.
  const double zp_from_min = qmin - rmin / scale;
  const double zp_from_max = qmax - rmax / scale;
  const double err_min = 128.0 + (rmin / scale < 0 ? -rmin / scale : rmin / scale);
  const double err_max = 127.0 + (rmax / scale < 0 ? -rmax / scale : rmax / scale);
  const double zp_real = err_min < err_max ? zp_from_min : zp_from_max;
  int32_t zp;
  if (zp_real <= qmin) {
    zp = -128;
  } else if (zp_real >= qmax) {
    zp = 127;
  } else {
    zp = round_to_i32(zp_real);
  }
  const float scale_f = static_cast<float>(scale);
  const float inv = 1.0f / scale_f;
  for (int32_t i = 0; i < count; ++i) {
    const int32_t q = round_to_i32(zp + values[i] * inv);
    quantized[i] = static_cast<int8_t>(clamp_i32(q, -128, 127));
  }
  return {scale_f, zp};
}

}  // namespace kernels
}  // namespace strata
