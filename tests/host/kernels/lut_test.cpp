// Lookup tables (common/lut.hpp) and the constant tables of the int16 SOFTMAX, LOGISTIC and TANH.
#include "common/lut.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/sigmoid_table.hpp"
#include "common/softmax_int16_luts.hpp"

namespace strata {
namespace kernels {
namespace {

// TFLite's construction of an int16 table (its gen_lut, in single precision): 512 samples of f over
// [in_min, in_max] in Q0.15 of [-1, 1], each shifted by half the interpolation error at its
// segment's midpoint, and a last sample at in_max.
void tflite_int16_table(float (*f)(float), float in_min, float in_max, int16_t* lut) {
  const int steps = 512;
  const float step = (in_max - in_min) / steps;
  const float half_step = step / 2;
  const float scale = 65536.0f / 2.0f;
  for (int i = 0; i < steps; ++i) {
    const float v = f(in_min + i * step);
    const float v_mid = f(in_min + i * step + half_step);
    const float v_next = f(in_min + (i + 1) * step);
    const float sample = std::round(v * scale);
    const float interpolated = std::round((v_next * scale + std::round(v * scale)) / 2);
    const float bias = std::round((interpolated - std::round(v_mid * scale)) / 2);
    lut[i] = static_cast<int16_t>(std::min(std::max(sample - bias, -32768.0f), 32767.0f));
  }
  lut[steps] =
      static_cast<int16_t>(std::min(std::max(std::round(f(in_max) * scale), -32768.0f), 32767.0f));
}

TEST(Lut, SoftmaxTablesAreTflites) {
  int16_t lut[513];
  tflite_int16_table([](float x) { return std::exp(x); }, -10.0f, 0.0f, lut);
  for (int i = 0; i < 513; ++i) ASSERT_EQ(kSoftmaxExpLut[i], lut[i]) << i;
  tflite_int16_table([](float x) { return 1.0f / (1.0f + x); }, 0.0f, 1.0f, lut);
  for (int i = 0; i < 513; ++i) ASSERT_EQ(kSoftmaxReciprocalLut[i], lut[i]) << i;
}

TEST(Lut, SigmoidTableFollowsSigmoid) {
  for (int i = 0; i < 256; ++i) {
    ASSERT_NEAR(kSigmoidTableQ16[i], std::fmin(65535.0, 65536.0 / (1.0 + std::exp(-i / 24.0))), 2.0)
        << i;
    if (i > 0) {
      ASSERT_GE(kSigmoidTableQ16[i], kSigmoidTableQ16[i - 1]) << i;
    }
  }
}

TEST(Lut, Int16LookupInterpolates) {
  int16_t lut[513];
  for (int i = 0; i < 513; ++i) lut[i] = static_cast<int16_t>(i * 64 - 16384);
  EXPECT_EQ(lut_lookup_int16(-32768, lut), -16384);
  EXPECT_EQ(lut_lookup_int16(0, lut), 0);
  EXPECT_EQ(lut_lookup_int16(64, lut), 32);        // half way between entries 256 and 257
  EXPECT_EQ(lut_lookup_int16(32767, lut), 16384);  // 127/128 of the way to the last entry, rounded
}

TEST(Lut, Int8TableQuantizesTheFunction) {
  // Identity from scale 0.5 zp 4 to scale 0.25 zp -10: q -> 2 (q - 4) - 10, saturated.
  int8_t lut[256];
  populate_lut_int8(
      0.5f, 4, 0.25f, -10, [](float x) { return x; }, lut);
  EXPECT_EQ(lut_lookup_int8(4, lut), -10);
  EXPECT_EQ(lut_lookup_int8(10, lut), 2);
  EXPECT_EQ(lut_lookup_int8(100, lut), 127);
  EXPECT_EQ(lut_lookup_int8(-100, lut), -128);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
