#include "common/int16_lut_activation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

namespace strata {
namespace kernels {
namespace {

// Q3.12 inputs (the LSTM's gate pre-activations) through the table, as the LSTM feeds them.
int32_t sigmoid_q12(int32_t x) {
  return sigmoid_int16_lut(lut_scaled_input(x, lut_input_scale(12)));
}
int32_t tanh_q12(int32_t x) { return tanh_int16_lut(lut_scaled_input(x, lut_input_scale(12))); }

TEST(Int16LutActivation, InputScaleFollowsFractionalBits) {
  EXPECT_EQ(lut_input_scale(12).multiplier, 3);
  EXPECT_EQ(lut_input_scale(12).right_shift, 0);
  EXPECT_EQ(lut_input_scale(11).multiplier, 6);  // Q4.11 cell state: one more left shift
  EXPECT_EQ(lut_input_scale(11).right_shift, 0);
  EXPECT_EQ(lut_input_scale(15).multiplier, 3);  // Q0.15: shift right by 3, rounding
  EXPECT_EQ(lut_input_scale(15).right_shift, 3);
  EXPECT_EQ(lut_scaled_input(5, lut_input_scale(15)), 2);    // (15 + 4) >> 3
  EXPECT_EQ(lut_scaled_input(-5, lut_input_scale(15)), -2);  // (-15 + 4) >> 3
}

TEST(Int16LutActivation, SigmoidFixedPoints) {
  EXPECT_EQ(sigmoid_q12(0), 16384);
  EXPECT_EQ(sigmoid_q12(32767), 32757);  // sigmoid(8): still inside the table
  EXPECT_EQ(sigmoid_q12(-32768), 11);
  EXPECT_EQ(sigmoid_int16_lut(255 * 512), 32767);  // past the table (x >= 10.625): saturated
  EXPECT_EQ(sigmoid_int16_lut(-255 * 512), 1);
  // Interpolated between entries 4 and 5 (35493, 36169): (35493 * 512 + 100 * 676 + 512) >> 10.
  EXPECT_EQ(sigmoid_int16_lut(4 * 512 + 100), 17813);
  EXPECT_EQ(sigmoid_int16_lut(-(4 * 512 + 100)), 32768 - 17813);
}

TEST(Int16LutActivation, TanhFixedPoints) {
  EXPECT_EQ(tanh_q12(0), 0);
  EXPECT_EQ(tanh_q12(32767), 32767);
  EXPECT_EQ(tanh_q12(-32768), -32767);
  EXPECT_EQ(tanh_int16_lut(255 * 256), 32767);  // past the table: saturated
  EXPECT_EQ(tanh_int16_lut(-255 * 256), -32767);
  // Entry 4 plus 100/256 of the way to entry 5, doubled and shifted to Q0.15:
  // (35493 * 256 + 100 * 676 - 2^23 + 2^7) >> 8 = 2989.
  EXPECT_EQ(tanh_int16_lut(4 * 256 + 100), 2989);
  EXPECT_EQ(tanh_int16_lut(-(4 * 256 + 100)), -2989);
}

// Every table entry and every interpolation: within 2 LSB of the true functions, monotonic, and
// symmetric the way TFLite's mirrored rounding makes them.
TEST(Int16LutActivation, CloseToTheFunctionsOverTheWholeInputRange) {
  int32_t previous_sigmoid = 0;
  int32_t previous_tanh = -32768;
  int worst_sigmoid = 0;
  int worst_tanh = 0;
  for (int32_t x = -32768; x <= 32767; ++x) {
    const double real = x / 4096.0;
    const int32_t s = sigmoid_q12(x);
    const int32_t t = tanh_q12(x);
    const int es = static_cast<int>(std::lround(std::fabs(s - 32768.0 / (1.0 + std::exp(-real)))));
    const int et = static_cast<int>(std::lround(std::fabs(t - 32768.0 * std::tanh(real))));
    worst_sigmoid = es > worst_sigmoid ? es : worst_sigmoid;
    worst_tanh = et > worst_tanh ? et : worst_tanh;
    ASSERT_GE(s, previous_sigmoid) << x;
    ASSERT_GE(t, previous_tanh) << x;
    previous_sigmoid = s;
    previous_tanh = t;
    if (x > -32768) {
      ASSERT_EQ(s + sigmoid_q12(-x), 32768) << x;
      ASSERT_EQ(t + tanh_q12(-x), 0) << x;
    }
  }
  EXPECT_LE(worst_sigmoid, 2);
  EXPECT_LE(worst_tanh, 2);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
