// The optimized requantization (one 64-bit multiply-accumulate onto a per-channel constant) and
// the DSP intrinsic shim, checked against the reference arithmetic and the Arm ARM definitions.
#include "optimized/requantize.hpp"

#include <gtest/gtest.h>

#include <random>

#include "common/quant_math.hpp"
#include "optimized/arm_dsp_shim.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

int32_t random_accumulator(std::mt19937_64* rng, int kind) {
  switch (kind) {
    case 0:
      return static_cast<int32_t>((*rng)());
    case 1:
      return static_cast<int32_t>((*rng)() % 200001) - 100000;
    case 2:
      return static_cast<int32_t>((*rng)() % 2001) - 1000;
    default:
      return static_cast<int32_t>((*rng)()) >> ((*rng)() % 31);
  }
}

TEST(OptimizedRequantize, MatchesReferenceOnMillionsOfValues) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 4000000; ++i) {
    int32_t m = static_cast<int32_t>(((rng() & 0x3FFFFFFF) | 0x40000000));
    if (i % 7 == 0) m = 0x40000000;  // exact power of two: many exact ties
    const int32_t shift = -static_cast<int32_t>(rng() % 26) + (i % 11 == 0 ? 3 : 0);
    const int32_t zp = static_cast<int32_t>(rng() % 256) - 128;
    const int32_t x = random_accumulator(&rng, i % 4);
    const int32_t want = multiply_by_quantized_multiplier(x, m, shift) + zp;
    ASSERT_EQ(requantize_any(x, m, shift, zp), want)
        << "x=" << x << " multiplier=" << m << " shift=" << shift << " zp=" << zp;
  }
}

TEST(OptimizedRequantize, FastPathRangeIsWhereItIsExact) {
  EXPECT_TRUE(fast_requant_ok(0x40000000, -1));
  EXPECT_TRUE(fast_requant_ok(0x40000000, -kMaxFastRightShift));
  EXPECT_FALSE(fast_requant_ok(0x40000000, 0));
  EXPECT_FALSE(fast_requant_ok(0x40000000, 2));
  EXPECT_FALSE(fast_requant_ok(0x40000000, -kMaxFastRightShift - 1));
  EXPECT_FALSE(fast_requant_ok(0, -5));
}

TEST(OptimizedRequantize, TiesRoundAwayFromZeroAfterTheHighMultiply) {
  // multiplier 0.5 (2^30), right shift 1: x * 0.5 * 0.5 = x / 4. -6/4 = -1.5 -> -2; 6/4 -> 2;
  // -2/4 = -0.5 -> -1 (away from zero); 2/4 -> 1.
  const ChannelRequant r = make_channel_requant(1 << 30, -1, 0);
  EXPECT_EQ(requantize_fast(-6, r), -2);
  EXPECT_EQ(requantize_fast(6, r), 2);
  EXPECT_EQ(requantize_fast(-2, r), -1);
  EXPECT_EQ(requantize_fast(2, r), 1);
  EXPECT_EQ(requantize_fast(-1, make_channel_requant(1 << 30, -1, 10)), 10);
}

TEST(DspShim, UnpackAndMultiplyAccumulateFollowTheArmDefinitions) {
  const uint32_t bytes = 0x80FF7F01u;               // lanes: 1, 127, -1, -128
  EXPECT_EQ(dsp::sxtb16(bytes), 0xFFFF0001u);       // (1, -1)
  EXPECT_EQ(dsp::sxtb16_ror8(bytes), 0xFF80007Fu);  // (127, -128)
  EXPECT_EQ(dsp::sxtab16(0x00020003u, bytes), 0x00010004u);
  EXPECT_EQ(dsp::sxtab16_ror8(0x00010001u, bytes), 0xFF810080u);
  EXPECT_EQ(dsp::smlad(0x0003FFFEu, 0x00050007u, 100), 100 + (-2) * 7 + 3 * 5);
  EXPECT_EQ(dsp::smlad(0x80008000u, 0x80008000u, 0), INT32_MIN);  // wraps like the instruction
  EXPECT_EQ(dsp::smlabb(0x0002FFFFu, 0x00030004u, 1), 1 - 4);
  EXPECT_EQ(dsp::smlabt(0x0002FFFFu, 0x00030004u, 1), 1 - 3);
  EXPECT_EQ(dsp::smlatb(0x0002FFFFu, 0x00030004u, 1), 1 + 8);
  EXPECT_EQ(dsp::smlatt(0x0002FFFFu, 0x00030004u, 1), 1 + 6);
  EXPECT_EQ(dsp::ssat<8>(300), 127);
  EXPECT_EQ(dsp::ssat<8>(-300), -128);
  EXPECT_EQ(dsp::qadd(INT32_MAX, 1), INT32_MAX);
  EXPECT_EQ(dsp::max_s8x4(0x80017FFEu, 0x7F02807Fu), 0x7F027F7Fu);
  EXPECT_EQ(dsp::ror(0x12345678u, 8), 0x78123456u);
  EXPECT_EQ(dsp::pkhbt(0x11112222u, 0x33334444u), 0x44442222u);
  EXPECT_EQ(dsp::pkhtb(0x11112222u, 0x33334444u), 0x11113333u);
}

}  // namespace
}  // namespace optimized
}  // namespace kernels
}  // namespace strata
