#include "reference/fully_connected.hpp"

#include <gtest/gtest.h>

#include "common/conv_params.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

FullyConnectedParams shape(int batches, int depth, int units) {
  FullyConnectedParams p{};
  p.batches = batches;
  p.accum_depth = depth;
  p.units = units;
  p.act_min_f = -1e30f;
  p.act_max_f = 1e30f;
  return p;
}

TEST(FullyConnectedFloat, TwoBatchesHandComputed) {
  // x0 = [1,2,3], x1 = [-1,0,1]; w0 = [1,1,1], w1 = [0,2,-1]; bias [0.5, -1].
  // y00 = 6 + 0.5, y01 = 4 - 3 - 1 = 0; y10 = 0 + 0.5, y11 = -1 - 1 = -2.
  const float x[6] = {1, 2, 3, -1, 0, 1};
  const float w[6] = {1, 1, 1, 0, 2, -1};
  const float b[2] = {0.5f, -1.0f};
  float y[4];
  fully_connected_float32(shape(2, 3, 2), x, w, b, y);
  EXPECT_FLOAT_EQ(y[0], 6.5f);
  EXPECT_FLOAT_EQ(y[1], 0.0f);
  EXPECT_FLOAT_EQ(y[2], 0.5f);
  EXPECT_FLOAT_EQ(y[3], -2.0f);
  // RELU clamp.
  FullyConnectedParams p = shape(2, 3, 2);
  p.act_min_f = 0.0f;
  fully_connected_float32(p, x, w, b, y);
  EXPECT_FLOAT_EQ(y[3], 0.0f);
  EXPECT_FLOAT_EQ(y[0], 6.5f);
}

TEST(FullyConnectedInt8, PerTensorHandComputed) {
  // input zp 1: x = [3, -1] -> [2, -2]; w = [5, 2] -> 10 - 4 = 6, + bias 2 = 8.
  // multiplier 0.75 (Q31 1610612736, shift 0): 6; output zp -4 -> 2.
  const int8_t x[2] = {3, -1};
  const int8_t w[2] = {5, 2};
  const int32_t b[1] = {2};
  const int32_t mult[1] = {1610612736};
  const int8_t sh[1] = {0};
  FullyConnectedParams p = shape(1, 2, 1);
  p.input_offset = -1;
  p.output_offset = -4;
  p.act_min = -128;
  p.act_max = 127;
  int8_t y[1];
  fully_connected_int8(p, {mult, sh, false}, x, w, b, y);
  EXPECT_EQ(y[0], 2);
  // Saturation at the int8 range.
  const int32_t big[1] = {100000};
  fully_connected_int8(p, {mult, sh, false}, x, w, big, y);
  EXPECT_EQ(y[0], 127);
}

TEST(FullyConnectedInt8, PerChannelUsesOwnMultiplier) {
  // Same accumulator (x = [1] with zp 0, w = [8] / [8]) through multipliers 0.5 and 0.25.
  const int8_t x[1] = {1};
  const int8_t w[2] = {8, 8};
  const int32_t mult[2] = {1 << 30, 1 << 30};
  const int8_t sh[2] = {0, -1};
  FullyConnectedParams p = shape(1, 1, 2);
  p.act_min = -128;
  p.act_max = 127;
  int8_t y[2];
  fully_connected_int8(p, {mult, sh, true}, x, w, nullptr, y);
  EXPECT_EQ(y[0], 4);
  EXPECT_EQ(y[1], 2);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
