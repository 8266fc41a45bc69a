#include "reference/softmax.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(SoftmaxFloat, HandComputed) {
  // [0, ln 3] -> [1, 3] / 4; beta 2 on [0, ln 2]: [1, 4] / 5.
  const float in[4] = {0.0f, std::log(3.0f), 0.0f, std::log(2.0f)};
  float out[4];
  softmax_float32(1.0f, 1, 2, in, out);
  EXPECT_NEAR(out[0], 0.25f, 1e-6);
  EXPECT_NEAR(out[1], 0.75f, 1e-6);
  softmax_float32(2.0f, 2, 2, in, out);
  EXPECT_NEAR(out[2], 0.2f, 1e-6);
  EXPECT_NEAR(out[3], 0.8f, 1e-6);
}

TEST(SoftmaxInt8, EqualInputsShareProbability) {
  // Four equal logits: 0.25 each = 64 / 256 -> 64 - 128 = -64.
  SoftmaxParams p;
  compute_softmax_params_int8(1.0f, 0.1f, &p);
  const int8_t in[4] = {17, 17, 17, 17};
  int8_t out[4];
  softmax_int8(p, 1, 4, in, out, false);
  for (int8_t v : out) EXPECT_EQ(v, -64);
}

TEST(SoftmaxInt8, FarBelowMaxGivesZero) {
  // With scale 1, a difference of 100 is e^-100: below diff_min, output is exactly -128; the
  // max takes everything (1.0 saturates to 127).
  SoftmaxParams p;
  compute_softmax_params_int8(1.0f, 1.0f, &p);
  EXPECT_LT(p.diff_min, 0);
  const int8_t in[2] = {-100, 0};
  int8_t out[2];
  softmax_int8(p, 1, 2, in, out, false);
  EXPECT_EQ(out[0], -128);
  EXPECT_EQ(out[1], 127);
}

TEST(SoftmaxInt8, MatchesFloatWithinOneStep) {
  std::mt19937 rng(1);
  for (float scale : {0.02f, 0.0917f, 0.17f, 0.5f}) {
    SoftmaxParams p;
    compute_softmax_params_int8(1.0f, scale, &p);
    for (int row = 0; row < 200; ++row) {
      auto q = strata_test::random_int8(&rng, 12);
      int8_t out[12];
      softmax_int8(p, 1, 12, q.data(), out, false);
      auto f = strata_test::dequantize_all(q, scale, 0);
      float fo[12];
      softmax_float32(1.0f, 1, 12, f.data(), fo);
      for (int c = 0; c < 12; ++c) {
        ASSERT_LE(std::abs(out[c] - strata_test::quantize(fo[c], 1.0f / 256, -128)), 1);
      }
    }
  }
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
