#include "common/quant_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

namespace strata {
namespace kernels {
namespace {

// Independent models of the two rounding steps, written from their definitions.
int32_t model_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const int64_t p = static_cast<int64_t>(a) * b;  // exact
  // floor(p / 2^31 + 1/2): nearest, ties toward +infinity (VQRDMULH semantics)
  return static_cast<int32_t>((p + (INT64_C(1) << 30)) >> 31);
}

int32_t model_rdbpot(int32_t x, int e) {
  const int64_t d = INT64_C(1) << e;
  const int64_t ax = x < 0 ? -static_cast<int64_t>(x) : x;
  const int64_t q = (ax + d / 2) / d;  // ties away from zero
  return static_cast<int32_t>(x < 0 ? -q : q);
}

TEST(QuantMath, SrdhmSaturatesOnlyMinTimesMin) {
  EXPECT_EQ(saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MIN), INT32_MAX);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MAX), -INT32_MAX);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(INT32_MAX, INT32_MAX), INT32_MAX - 1);
}

TEST(QuantMath, SrdhmRoundsTiesUp) {
  // 1 * 2^30 / 2^31 = 0.5 -> 1, but -0.5 -> 0: ties go toward +infinity.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, 1 << 30), 1);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-1, 1 << 30), 0);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, 1 << 30), -1);  // -1.5 -> -1
  // 3 * 2^29 / 2^31 = 0.75 -> 1; 2^29 / 2^31 = 0.25 -> 0.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(3, 1 << 29), 1);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, 1 << 29), 0);
}

TEST(QuantMath, RoundingDivideByPotTies) {
  EXPECT_EQ(rounding_divide_by_pot(5, 1), 3);    // 2.5 -> 3
  EXPECT_EQ(rounding_divide_by_pot(-5, 1), -3);  // -2.5 -> -3
  EXPECT_EQ(rounding_divide_by_pot(3, 1), 2);    // 1.5 -> 2
  EXPECT_EQ(rounding_divide_by_pot(-3, 1), -2);
  EXPECT_EQ(rounding_divide_by_pot(-6, 2), -2);  // -1.5 -> -2
  EXPECT_EQ(rounding_divide_by_pot(-5, 2), -1);  // -1.25 -> -1
  EXPECT_EQ(rounding_divide_by_pot(7, 0), 7);
  EXPECT_EQ(rounding_divide_by_pot(INT32_MIN, 31), -1);
  EXPECT_EQ(rounding_divide_by_pot(INT32_MAX, 31), 1);
}

TEST(QuantMath, RandomAgainstIndependentModel) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX);
  std::uniform_int_distribution<int> exps(0, 31);
  std::uniform_int_distribution<int32_t> small(-70000, 70000);
  for (int i = 0; i < 200000; ++i) {
    // Small operands times powers of two hit the rounding ties.
    const int32_t t = small(rng);
    ASSERT_EQ(saturating_rounding_doubling_high_mul(t, 1 << 30), model_srdhm(t, 1 << 30)) << t;
    const int32_t a = any(rng);
    const int32_t b = any(rng);
    ASSERT_EQ(saturating_rounding_doubling_high_mul(a, b), model_srdhm(a, b)) << a << " " << b;
    const int e = exps(rng);
    ASSERT_EQ(rounding_divide_by_pot(a, e), model_rdbpot(a, e)) << a << " " << e;
  }
}

TEST(QuantMath, QuantizeMultiplierRanges) {
  int32_t m;
  int s;
  quantize_multiplier(0.5, &m, &s);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 0);
  quantize_multiplier(1.0, &m, &s);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 1);
  quantize_multiplier(0.75, &m, &s);  // 0.75 * 2^31
  EXPECT_EQ(m, 1610612736);
  EXPECT_EQ(s, 0);
  quantize_multiplier(3.0, &m, &s);  // 0.75 * 2^2
  EXPECT_EQ(m, 1610612736);
  EXPECT_EQ(s, 2);
  quantize_multiplier(0.0, &m, &s);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(s, 0);
  quantize_multiplier(std::ldexp(1.0, -40), &m, &s);  // below 2^-32: flushed to zero
  EXPECT_EQ(m, 0);
  EXPECT_EQ(s, 0);
  // A significand that rounds up to 1.0 is renormalised to 0.5 with the next exponent.
  quantize_multiplier(1.0 - std::ldexp(1.0, -40), &m, &s);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 1);
}

namespace {

float float_from_bits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// quantize_scale_ratio must give what quantize_multiplier gives on the double quotient, bit for
// bit.
void expect_same_as_double(float a, float b, float c) {
  int32_t want_m, got_m;
  int want_s, got_s;
  quantize_multiplier(static_cast<double>(a) * static_cast<double>(b) / static_cast<double>(c),
                      &want_m, &want_s);
  quantize_scale_ratio(a, b, c, &got_m, &got_s);
  ASSERT_EQ(got_m, want_m) << a << " * " << b << " / " << c;
  ASSERT_EQ(got_s, want_s) << a << " * " << b << " / " << c;
}

}  // namespace

TEST(QuantMath, QuantizeScaleRatioMatchesDoublePath) {
  // Hand-picked: exact ratios (ties of the half-away rounding), the saturation at 2^30, the
  // flush below 2^-32, the rounding of the significand up to 1.0, and the inputs the integer path
  // hands to the double one (zero, negative, subnormal, infinite, NaN).
  const float specials[] = {0.5f,
                            1.0f,
                            0.75f,
                            3.0f,
                            1.0f / 3.0f,
                            1e-3f,
                            1.5e-5f,
                            0.0235294f,
                            0.0186093f,
                            0.00562189f,
                            65536.0f,
                            1e30f,
                            1e-30f,
                            1.0f - 0x1p-24f,
                            1.0f + 0x1p-23f,
                            0.0f,
                            -0.0f,
                            -0.25f,
                            0x1p-149f,
                            0x1p-127f,
                            INFINITY,
                            -INFINITY,
                            NAN};
  for (float a : specials) {
    for (float b : specials) {
      for (float c : specials) expect_same_as_double(a, b, c);
    }
  }
  std::mt19937 rng(5);
  for (int i = 0; i < 400000; ++i) {
    // Any bit pattern, then scales as converters write them (exponents 2^-27..2^2, sometimes a
    // significand with few bits so the quotient is exact).
    expect_same_as_double(float_from_bits(rng()), float_from_bits(rng()), float_from_bits(rng()));
    const auto scale = [&rng]() {
      uint32_t significand = rng() & 0x7FFFFFu;
      if (rng() % 4 == 0) significand &= 0x7F0000u;
      return float_from_bits(((100u + rng() % 30u) << 23) | significand);
    };
    expect_same_as_double(scale(), scale(), scale());
  }
}

TEST(QuantMath, QuantizeMultiplierMatchesFrexp) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> mant(0.0, 1.0);
  std::uniform_int_distribution<int> ex(-30, 20);
  for (int i = 0; i < 20000; ++i) {
    const double x = std::ldexp(0.5 + 0.5 * mant(rng), ex(rng));
    int32_t m;
    int s;
    quantize_multiplier(x, &m, &s);
    int e;
    const double q = std::frexp(x, &e);
    int64_t qf = std::llround(q * 2147483648.0);
    if (qf == (INT64_C(1) << 31)) {
      qf /= 2;
      ++e;
    }
    ASSERT_EQ(m, qf);
    ASSERT_EQ(s, e);
  }
}

TEST(QuantMath, MultiplyByQuantizedMultiplier) {
  // 100 * 0.75 = 75 exactly.
  EXPECT_EQ(multiply_by_quantized_multiplier(100, 1610612736, 0), 75);
  // 100 * 0.75 * 2^-3 = 9.375 -> 9.
  EXPECT_EQ(multiply_by_quantized_multiplier(100, 1610612736, -3), 9);
  // -100 * 0.75 / 8 = -9.375 -> -9; 12 * 0.75 / 8 = 1.125 -> 1.
  EXPECT_EQ(multiply_by_quantized_multiplier(-100, 1610612736, -3), -9);
  EXPECT_EQ(multiply_by_quantized_multiplier(12, 1610612736, -3), 1);
  // Double rounding: 5 * 0.5 = 2.5 -> 3 after the high mul; then / 2 = 1.5 -> 2 (single rounding
  // of 1.25 would give 1).
  EXPECT_EQ(multiply_by_quantized_multiplier(5, 1 << 30, -1), 2);
  // Left shift first: 3 * 2^2 * 0.75 = 9.
  EXPECT_EQ(multiply_by_quantized_multiplier(3, 1610612736, 2), 9);
}

TEST(QuantMath, CheckedLog2JudgesPowersOfTwo) {
  int e = 0;
  EXPECT_TRUE(checked_log2(1.0f / 4096, &e));
  EXPECT_EQ(e, -12);
  EXPECT_TRUE(checked_log2(8.0f / 32767, &e));  // int16 LOGISTIC's usual scale: within 1e-3
  EXPECT_EQ(e, -12);
  EXPECT_FALSE(checked_log2(6.0f / 32767, &e));
  EXPECT_EQ(e, -12);  // log2 = -12.4: rounds to -12
  EXPECT_FALSE(checked_log2(0.75f, &e));
  EXPECT_EQ(e, 0);                         // log2 0.75 = -0.415
  EXPECT_TRUE(checked_log2(0.9996f, &e));  // just below 1
  EXPECT_EQ(e, 0);
  EXPECT_FALSE(checked_log2(0.0f, &e));
  EXPECT_FALSE(checked_log2(-2.0f, &e));
}

TEST(QuantMath, MultiplyByQuantizedMultiplier64) {
  // The multiplier is first rounded to 16 bits: 0.75 * 2^31 -> 0.75 * 2^15 = 24576, then
  // floor((x * 24576 + 2^(14 - shift)) / 2^(15 - shift)): one rounding, ties toward +infinity.
  EXPECT_EQ(multiply_by_quantized_multiplier_64(100, 1610612736, 0), 75);
  EXPECT_EQ(multiply_by_quantized_multiplier_64(100, 1610612736, -3), 9);    // 9.375
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-100, 1610612736, -3), -9);  // -9.375
  EXPECT_EQ(multiply_by_quantized_multiplier_64(5, 1 << 30, -1), 1);         // 1.25: one rounding
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-5, 1 << 30, -2), -1);       // -0.625 -> -1
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-3, 1 << 30, -2), 0);        // -0.375 -> 0
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-2, 1 << 30, -2), 0);        // -0.25 -> 0
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-4, 1 << 30, -2), 0);        // -0.5 -> 0 (tie up)
  // Sums beyond 32 bits: 2^40 * 0.5 * 2^-10 = 2^29.
  EXPECT_EQ(multiply_by_quantized_multiplier_64(INT64_C(1) << 40, 1 << 30, -10), 1 << 29);
  // Multipliers within 2^15 of 2^31 would round to 2^15: TFLite keeps them at 0x7FFF.
  EXPECT_EQ(multiply_by_quantized_multiplier_64(1 << 20, INT32_MAX, 0), (1 << 20) - 32);
  // Outside TFLite's domain the arguments are clamped (defined results, no overflow).
  EXPECT_EQ(multiply_by_quantized_multiplier_64(INT64_MAX, 1 << 30, -31), 32768);
  EXPECT_EQ(multiply_by_quantized_multiplier_64(INT64_MIN, 1 << 30, -31), -32768);
  EXPECT_EQ(multiply_by_quantized_multiplier_64(1, 1 << 30, 30), 64);  // shift clamped to 7
}

TEST(QuantMath, RoundHalfAway) {
  EXPECT_EQ(round_half_away(2.5), 3.0);
  EXPECT_EQ(round_half_away(-2.5), -3.0);
  EXPECT_EQ(round_half_away(2.4999), 2.0);
  EXPECT_EQ(round_half_away(0.5f), 1.0f);
  EXPECT_EQ(round_half_away(-0.5f), -1.0f);
  EXPECT_EQ(round_half_away(1e20), 1e20);
  EXPECT_EQ(quantize_value(0.3f, 0.1f, 5), 8);     // 0.3 / 0.1 ~ 3 -> 3 + 5
  EXPECT_EQ(quantize_value(-0.25f, 0.5f, 0), -1);  // -0.5 -> -1
}

TEST(QuantMath, MultiplyByQuantizedMultiplier64RoundsOnceTiesUp) {
  const int32_t half = 1 << 30;  // 0.5 in Q0.31, 16384 once reduced to 16 bits
  EXPECT_EQ(multiply_by_quantized_multiplier_64(INT64_C(1) << 20, half, 0), 1 << 19);
  EXPECT_EQ(multiply_by_quantized_multiplier_64(3, half, -1), 1);    // 0.75
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-3, half, -1), -1);  // -0.75
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-1, half, -1), 0);   // -0.25
  EXPECT_EQ(multiply_by_quantized_multiplier_64(-2, half, -1), 0);   // -0.5: ties toward +inf
  EXPECT_EQ(multiply_by_quantized_multiplier_64(2, half, -1), 1);    // 0.5
  // A 64-bit accumulator: 2^40 x 0.5 x 2^-20.
  EXPECT_EQ(multiply_by_quantized_multiplier_64(INT64_C(1) << 40, half, -20), 1 << 19);
}

TEST(QuantMath, MultiplyByQuantizedMultiplier64ReducesTheMultiplierTo16Bits) {
  // (2^30 + 2^15) rounds to 16385 / 2^15, not 16384.
  EXPECT_EQ(multiply_by_quantized_multiplier_64(1 << 15, (1 << 30) + (1 << 15), 0), 16385);
  // Near 1.0 the reduced multiplier stays 0x7FFF (it would round to 0x8000 = 1.0).
  EXPECT_EQ(multiply_by_quantized_multiplier_64(1 << 16, INT32_MAX, 0), 65534);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
