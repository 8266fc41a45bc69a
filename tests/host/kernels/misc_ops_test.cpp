#include <gtest/gtest.h>

#include <cstring>

#include "reference/concatenation.hpp"
#include "reference/mean.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

MeanParams mean_params(Dims4 in, uint32_t mask) {
  MeanParams p{};
  p.input = in;
  p.reduce_mask = mask;
  p.count = 1;
  const int32_t d[4] = {in.n, in.h, in.w, in.c};
  for (int i = 0; i < 4; ++i) {
    if (mask & (1u << i)) p.count *= d[i];
  }
  return p;
}

TEST(Mean, FloatOverSpatialAxes) {
  // 1x2x2x2: channel means over H,W: c0 = (1+2+3+4)/4 = 2.5, c1 = (10+20+30+40)/4 = 25.
  const float in[8] = {1, 10, 2, 20, 3, 30, 4, 40};
  float out[2];
  mean_float32(mean_params({1, 2, 2, 2}, 0b0110), in, out);
  EXPECT_FLOAT_EQ(out[0], 2.5f);
  EXPECT_FLOAT_EQ(out[1], 25.0f);
  float per_pixel[4];
  mean_float32(mean_params({1, 2, 2, 2}, 0b1000), in, per_pixel);  // reduce channels
  EXPECT_FLOAT_EQ(per_pixel[0], 5.5f);
  EXPECT_FLOAT_EQ(per_pixel[3], 22.0f);
}

TEST(Mean, Int8SameQuantTruncates) {
  // (1 + 2 + 3 + 5) / 4 = 2.75 -> 2 (truncating, as TFLM); (-1 -2 -3 -5) / 4 -> -2.
  MeanParams p = mean_params({1, 1, 4, 2}, 0b0100);
  p.same_quant = 1;
  const int8_t in[8] = {1, -1, 2, -2, 3, -3, 5, -5};
  int8_t out[2];
  int32_t sums[2];
  mean_int8(p, in, out, sums);
  EXPECT_EQ(out[0], 2);
  EXPECT_EQ(out[1], -2);
}

TEST(Mean, Int8Requantizes) {
  // in zp 2, out zp 1, scale ratio 0.5 with 1/count folded in (0.25 overall): values 6, 10 ->
  // ((6 + 10) - 2 * 2) * 0.25 = 3, + 1 = 4.
  MeanParams p = mean_params({1, 1, 2, 1}, 0b0100);
  p.input_zero_point = 2;
  p.output_zero_point = 1;
  p.multiplier = 1 << 30;  // 0.5 * 2^-1 = 0.25 overall
  p.shift = -1;
  const int8_t in[2] = {6, 10};
  int8_t out[1];
  int32_t sums[1];
  mean_int8(p, in, out, sums);
  EXPECT_EQ(out[0], 4);
}

TEST(Concatenation, InterleavesSlabsAlongAxis) {
  // [2,1] and [2,2] along axis 1 -> [2,3]: rows (a0, b0, b1), (a1, b2, b3).
  const int8_t a[2] = {1, 2};
  const int8_t b[4] = {10, 11, 12, 13};
  const void* inputs[2] = {a, b};
  const uint32_t slabs[2] = {1, 2};
  int8_t out[6];
  concatenate(2, inputs, slabs, 2, out);
  const int8_t expect[6] = {1, 10, 11, 2, 12, 13};
  EXPECT_EQ(std::memcmp(out, expect, 6), 0);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
