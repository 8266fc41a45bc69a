#include "common/fixed_point_math.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace strata {
namespace kernels {
namespace {

double to_real(int32_t raw, int integer_bits) { return std::ldexp(raw, integer_bits - 31); }
int32_t from_real(double x, int integer_bits) {
  return static_cast<int32_t>(std::lround(std::ldexp(x, 31 - integer_bits)));
}

TEST(FixedPointMath, ExpOnNegativeValuesTracksExp) {
  for (int bits : {4, 5}) {
    for (double x = -15.9; x <= 0.0; x += 0.01) {
      const double got = to_real(exp_on_negative_values(from_real(x, bits), bits), 0);
      ASSERT_NEAR(got, std::exp(x), 2e-8 + 1e-6 * std::exp(x)) << "x=" << x << " bits=" << bits;
    }
  }
  EXPECT_EQ(exp_on_negative_values(0, 5), INT32_MAX);  // exp(0) = 1 saturates to the max
}

TEST(FixedPointMath, ExpBelowMinus32IsZeroForWideFormats) {
  // With 6 integer bits, -40 is representable and must clamp to 0.
  EXPECT_EQ(exp_on_negative_values(from_real(-40.0, 6), 6), 0);
}

TEST(FixedPointMath, OneOverOnePlusX) {
  for (double x = 0.0; x < 1.0; x += 0.001) {
    const double got = to_real(one_over_one_plus_x_for_x_in_0_1(from_real(x, 0)), 0);
    ASSERT_NEAR(got, 1.0 / (1.0 + x), 1e-8) << x;
    const double got2 = to_real(one_minus_x_over_one_plus_x_for_x_in_0_1(from_real(x, 0)), 0);
    ASSERT_NEAR(got2, (1.0 - x) / (1.0 + x), 1e-8) << x;
  }
}

TEST(FixedPointMath, LogisticAndTanh) {
  for (double x = -15.9; x < 15.9; x += 0.013) {
    const int32_t in = from_real(x, 4);
    ASSERT_NEAR(to_real(logistic_fixed(in, 4), 0), 1.0 / (1.0 + std::exp(-x)), 1e-6) << x;
    ASSERT_NEAR(to_real(tanh_fixed(in, 4), 0), std::tanh(x), 2e-6) << x;
  }
  EXPECT_EQ(logistic_fixed(0, 4), 1 << 30);  // exactly one half
  EXPECT_EQ(tanh_fixed(0, 4), 0);
}

TEST(FixedPointMath, Reciprocal) {
  for (double x : {1.0, 1.5, 2.0, 3.25, 100.0, 1000.7, 4095.0}) {
    int bits_over_unit = 0;
    const int32_t r = reciprocal_fixed(from_real(x, 12), 12, &bits_over_unit);
    EXPECT_NEAR(std::ldexp(to_real(r, 0), -bits_over_unit), 1.0 / x, 1e-6 / x) << x;
  }
}

TEST(FixedPointMath, LogOfValuesAtLeastOne) {
  // Q12.19 in, Q5.26 out, as LOG_SOFTMAX uses it.
  for (double x = 1.0; x < 4000.0; x *= 1.037) {
    ASSERT_NEAR(to_real(log_x_for_x_ge_1(from_real(x, 12), 12, 5), 5), std::log(x), 1e-6) << x;
  }
  EXPECT_EQ(log_x_for_x_ge_1(from_real(1.0, 12), 12, 5), 0);
}

TEST(FixedPointMath, InverseSquareRoot) {
  for (int32_t x : {2, 3, 10, 1000, 65025, 1 << 20, 123456789, INT32_MAX}) {
    int32_t multiplier = 0;
    int shift = 0;
    inv_sqrt_quantized_multiplier(x, &multiplier, &shift);
    EXPECT_NEAR(std::ldexp(multiplier, shift - 31), 1.0 / std::sqrt(static_cast<double>(x)),
                4e-6 / std::sqrt(static_cast<double>(x)))  // TFLite: 5 Newton steps from 1
        << x;
  }
  int32_t multiplier = 0;
  int shift = 0;
  inv_sqrt_quantized_multiplier(0, &multiplier, &shift);  // invalid input: treated as 1
  EXPECT_EQ(multiplier, INT32_MAX);
  EXPECT_EQ(shift, 0);
}

TEST(FixedPointMath, RoundingHalfSum) {
  EXPECT_EQ(rounding_half_sum(1, 2), 2);     // 1.5 -> 2
  EXPECT_EQ(rounding_half_sum(-1, -2), -2);  // -1.5 -> -2
  EXPECT_EQ(rounding_half_sum(INT32_MAX, INT32_MAX), INT32_MAX);
  EXPECT_EQ(rounding_half_sum(INT32_MIN, INT32_MIN), INT32_MIN);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
