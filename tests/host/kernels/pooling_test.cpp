#include "reference/pooling.hpp"

#include <gtest/gtest.h>

namespace strata {
namespace kernels {
namespace reference {
namespace {

PoolParams params(Padding pad, int stride, int filter, int in_h, int in_w, int* oh, int* ow) {
  PoolParams p{};
  int32_t h, w;
  EXPECT_TRUE(compute_pool_geometry(pad, stride, stride, filter, filter, in_h, in_w, &p, &h, &w));
  EXPECT_TRUE(compute_pool_activation(FusedActivation::kNone, DataType::kInt8, 1.0f, 0, &p));
  *oh = h;
  *ow = w;
  return p;
}

TEST(Pooling, MaxFloatValid2x2) {
  // 4x4 = 0..15 -> maxima of each 2x2 block: 5, 7, 13, 15.
  float in[16];
  for (int i = 0; i < 16; ++i) in[i] = static_cast<float>(i);
  int oh, ow;
  const PoolParams p = params(Padding::kValid, 2, 2, 4, 4, &oh, &ow);
  ASSERT_EQ(oh, 2);
  float out[4];
  max_pool_2d_float32(p, {1, 4, 4, 1}, in, {1, 2, 2, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 5);
  EXPECT_FLOAT_EQ(out[1], 7);
  EXPECT_FLOAT_EQ(out[2], 13);
  EXPECT_FLOAT_EQ(out[3], 15);
}

TEST(Pooling, AverageSameExcludesPadding) {
  // 3x3 = 1..9, 2x2 window stride 2 SAME: windows {1,2,4,5}, {3,6}, {7,8}, {9}: the border
  // windows average only real elements: 3, 4.5, 7.5, 9.
  const float in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  int oh, ow;
  const PoolParams p = params(Padding::kSame, 2, 2, 3, 3, &oh, &ow);
  ASSERT_EQ(oh, 2);
  float out[4];
  average_pool_2d_float32(p, {1, 3, 3, 1}, in, {1, 2, 2, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);
  EXPECT_FLOAT_EQ(out[1], 4.5f);
  EXPECT_FLOAT_EQ(out[2], 7.5f);
  EXPECT_FLOAT_EQ(out[3], 9.0f);
}

TEST(Pooling, AverageInt8RoundsHalfAwayFromZero) {
  // Windows of two elements: (1+2)/2 = 1.5 -> 2; (-1-2)/2 = -1.5 -> -2; (-1+0)/2 = -0.5 -> -1.
  const int8_t in[6] = {1, 2, -1, -2, -1, 0};
  int oh, ow;
  const PoolParams p = params(Padding::kValid, 2, 1, 1, 6, &oh, &ow);
  PoolParams p2 = p;
  p2.filter_w = 2;
  p2.filter_h = 1;
  p2.stride_w = 2;
  int8_t out[3];
  average_pool_2d_int8(p2, {1, 1, 6, 1}, in, {1, 1, 3, 1}, out);
  EXPECT_EQ(out[0], 2);
  EXPECT_EQ(out[1], -2);
  EXPECT_EQ(out[2], -1);
}

TEST(Pooling, MaxInt8WithActivationClamp) {
  const int8_t in[4] = {-100, 50, 120, -3};
  PoolParams p{};
  int32_t h, w;
  ASSERT_TRUE(compute_pool_geometry(Padding::kValid, 1, 1, 1, 2, 1, 4, &p, &h, &w));
  // RELU6 with scale 0.05, zp 0: clamp to [0, 120].
  ASSERT_TRUE(compute_pool_activation(FusedActivation::kRelu6, DataType::kInt8, 0.05f, 0, &p));
  EXPECT_EQ(p.act_min, 0);
  EXPECT_EQ(p.act_max, 120);
  int8_t out[3];
  max_pool_2d_int8(p, {1, 1, 4, 1}, in, {1, 1, 3, 1}, out);
  EXPECT_EQ(out[0], 50);
  EXPECT_EQ(out[1], 120);
  EXPECT_EQ(out[2], 120);
}

TEST(Pooling, GlobalAverageInt8) {
  // 2x2x2: channel 0 = [10, 20, 30, 41] -> 101/4 = 25.25 -> 25; channel 1 all -7 -> -7.
  const int8_t in[8] = {10, -7, 20, -7, 30, -7, 41, -7};
  int oh, ow;
  const PoolParams p = params(Padding::kValid, 2, 2, 2, 2, &oh, &ow);
  int8_t out[2];
  average_pool_2d_int8(p, {1, 2, 2, 2}, in, {1, 1, 1, 2}, out);
  EXPECT_EQ(out[0], 25);
  EXPECT_EQ(out[1], -7);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
