#include "reference/activations.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(Activations, FloatHandValues) {
  const float in[4] = {-2.0f, 0.0f, 3.0f, 8.0f};
  float out[4];
  relu_float32(4, in, out);
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[3], 8.0f);
  relu6_float32(4, in, out);
  EXPECT_EQ(out[2], 3.0f);
  EXPECT_EQ(out[3], 6.0f);
  logistic_float32(4, in, out);
  EXPECT_FLOAT_EQ(out[1], 0.5f);
  EXPECT_NEAR(out[0], 1.0f / (1.0f + std::exp(2.0f)), 1e-7);
  tanh_float32(4, in, out);
  EXPECT_FLOAT_EQ(out[1], 0.0f);
  EXPECT_NEAR(out[2], std::tanh(3.0f), 1e-7);
}

TEST(Activations, LogisticInt8) {
  SigmoidParams p;
  compute_logistic_params_int8(0.1f, 3, &p);
  int8_t in[256];
  int8_t out[256];
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  logistic_int8(p, 256, in, out);
  EXPECT_EQ(out[3 + 128], 0);  // input == zero point: 0.5 -> 128 - 128
  for (int i = 0; i < 256; ++i) {
    const float x = 0.1f * (in[i] - 3);
    const int expect = strata_test::quantize(1.0f / (1.0f + std::exp(-x)), 1.0f / 256, -128);
    ASSERT_LE(std::abs(out[i] - expect), 1) << i;
  }
}

TEST(Activations, TanhInt8) {
  SigmoidParams p;
  compute_tanh_params_int8(0.05f, -10, &p);
  int8_t in[256];
  int8_t out[256];
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  tanh_int8(p, 256, in, out);
  EXPECT_EQ(out[-10 + 128], 0);
  for (int i = 0; i < 256; ++i) {
    const float x = 0.05f * (in[i] + 10);
    ASSERT_LE(std::abs(out[i] - strata_test::quantize(std::tanh(x), 1.0f / 128, 0)), 1) << i;
  }
}

TEST(Activations, ReluInt8Requantizes) {
  // in scale 0.5 zp -10, out scale 0.25 zp -128: real = 0.5 * (q + 10) -> out = 2 (q+10) - 128,
  // clamped at q(0) = -128 from below.
  RequantizeParams p;
  compute_relu_params_int8(0.5f, -10, 0.25f, -128, &p);
  const int8_t in[3] = {-20, -10, 40};
  int8_t out[3];
  relu_int8(p, 3, in, out);
  EXPECT_EQ(out[0], -128);
  EXPECT_EQ(out[1], -128);
  EXPECT_EQ(out[2], -28);  // 2 * (40 + 10) - 128
}

TEST(Activations, Relu6Int8ClampsInInputDomain) {
  // scale 0.1 zp 5: 0 -> 5, 6 -> 65.
  RequantizeParams p;
  compute_relu6_params_int8(0.1f, 5, &p);
  const int8_t in[4] = {-50, 5, 40, 100};
  int8_t out[4];
  relu6_int8(p, 4, in, out);
  EXPECT_EQ(out[0], 5);
  EXPECT_EQ(out[1], 5);
  EXPECT_EQ(out[2], 40);
  EXPECT_EQ(out[3], 65);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
