#include <gtest/gtest.h>

#include <cstring>

#include "reference/concatenation.hpp"
#include "reference/pad.hpp"
#include "reference/quantization.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(Quantize, FloatToInt8RoundsAndSaturates) {
  // scale 0.5 zp -3: 1.25 / 0.5 = 2.5 -> 3 -> 0; -0.25 -> -0.5 -> -1 -> -4; 1000 saturates.
  const float in[4] = {1.25f, -0.25f, 1000.0f, -1000.0f};
  int8_t out[4];
  quantize_float32_int8(0.5f, -3, 4, in, out);
  EXPECT_EQ(out[0], 0);
  EXPECT_EQ(out[1], -4);
  EXPECT_EQ(out[2], 127);
  EXPECT_EQ(out[3], -128);
}

TEST(Quantize, Int8Requantize) {
  // in scale 1 zp 10 -> out scale 2 zp -5: q' = (q - 10) / 2 - 5.
  RequantizeParams p;
  compute_requantize_params_int8(1.0f, 10, 2.0f, -5, &p);
  const int8_t in[3] = {10, 13, 7};
  int8_t out[3];
  quantize_int8_int8(p, 3, in, out);
  EXPECT_EQ(out[0], -5);
  EXPECT_EQ(out[1], -3);  // 1.5 -> 2
  EXPECT_EQ(out[2], -6);  // -1.5: the high multiply rounds ties toward +infinity -> -1
}

TEST(Dequantize, Int8AndFloat16) {
  const int8_t q[3] = {-128, 0, 127};
  float out[3];
  dequantize_int8_float32(0.25f, -2, 3, q, out);
  EXPECT_FLOAT_EQ(out[0], -31.5f);
  EXPECT_FLOAT_EQ(out[1], 0.5f);
  EXPECT_FLOAT_EQ(out[2], 32.25f);
  const uint8_t h[4] = {0x00, 0x3C, 0x00, 0xBC};  // 1.0, -1.0
  dequantize_float16_float32(2, h, out);
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], -1.0f);
}

TEST(Pad, Int8UsesZeroPointAndFloatZero) {
  // [1,1,2,1] padded by 1 on both sides of W and 1 after H: 2x4.
  const int8_t in[2] = {7, 8};
  const int32_t before[4] = {0, 0, 1, 0};
  int8_t out[8];
  pad_int8({1, 1, 2, 1}, in, before, {1, 2, 4, 1}, -3, out);
  const int8_t expect[8] = {-3, 7, 8, -3, -3, -3, -3, -3};
  EXPECT_EQ(std::memcmp(out, expect, 8), 0);
  const float fin[1] = {2.5f};
  const int32_t fbefore[4] = {0, 1, 0, 1};
  float fout[6];
  pad_float32({1, 1, 1, 1}, fin, fbefore, {1, 2, 1, 3}, fout);
  EXPECT_EQ(fout[0], 0.0f);
  EXPECT_EQ(fout[4], 2.5f);  // row 1, channel 1
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
