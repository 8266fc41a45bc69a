// Optimized DEPTHWISE_CONV_2D against the reference on random shapes: every path (planar with
// the 3x3 stride 1 / stride 2 loops and the generic loop; depth multiplier > 1 as a grouped or,
// with one input channel, plain convolution), int8 bit-exact also in place, float32 and hybrid
// within the conformance tolerance.
#include "optimized/depthwise_conv_2d.hpp"

#include <gtest/gtest.h>

#include "float_conv_cases.hpp"
#include "inplace.hpp"
#include "random_cases.hpp"
#include "reference/depthwise_conv_2d.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::ConvCase;
using strata_test::ConvShapeLimits;
using strata_test::Scratch;

std::vector<int8_t> reference_int8(const ConvCase& c) {
  std::vector<int8_t> out(static_cast<size_t>(flat_size(c.out)), 0x5A);
  reference::depthwise_conv_2d_int8(c.p, c.quant(), c.in, c.input.data(), c.filter,
                                    c.weights.data(), c.bias_ptr(), c.out, out.data());
  return out;
}

uint32_t int8_scratch(const ConvCase& c) {
  return optimized::depthwise_conv_2d_int8_scratch_bytes(c.p, c.in, c.filter, c.out);
}

void expect_int8_cases(uint32_t seed, int count, const ConvShapeLimits& lim, bool inplace) {
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    const ConvCase c = strata_test::random_conv_case(&rng, true, lim);
    const std::vector<int8_t> want = reference_int8(c);
    Scratch s(int8_scratch(c));
    std::vector<int8_t> got;
    if (inplace) {
      // The lead the optimized prepare() reports: the window lead made a whole number of pixels
      // that the planner's rounding keeps (the planar path writes a channel of every pixel first).
      const uint32_t lead = optimized::depthwise_conv_2d_int8_inplace_lead(
          strata_test::conv_inplace_lead(c, 1), c.in.c, c.filter.c);
      strata_test::InplaceBuffer<int8_t> buf(lead, static_cast<size_t>(flat_size(c.in)),
                                             static_cast<size_t>(flat_size(c.out)));
      optimized::depthwise_conv_2d_int8(c.p, c.quant(), c.in, buf.input(c.input), c.filter,
                                        c.weights.data(), c.bias_ptr(), c.out, buf.output(),
                                        s.data());
      got = buf.result(want.size());
    } else {
      got.assign(want.size(), 0x33);
      optimized::depthwise_conv_2d_int8(c.p, c.quant(), c.in, c.input.data(), c.filter,
                                        c.weights.data(), c.bias_ptr(), c.out, got.data(),
                                        s.data());
    }
    ASSERT_EQ(strata_test::first_difference(got, want), -1)
        << "case " << i << (inplace ? " (in place): " : ": ") << c.describe();
  }
}

TEST(OptimizedDepthwise, Int8RandomShapesBitExact) { expect_int8_cases(11, 3000, {}, false); }

TEST(OptimizedDepthwise, Int8ThreeByThreeStrideOneBitExact) {
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.force_stride = 1;
  lim.force_multiplier = 1;
  lim.max_in_c = 24;
  expect_int8_cases(12, 800, lim, false);
}

TEST(OptimizedDepthwise, Int8ThreeByThreeStrideTwoBitExact) {
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.force_stride = 2;
  lim.force_multiplier = 1;
  lim.max_in_c = 24;
  expect_int8_cases(13, 800, lim, false);
}

TEST(OptimizedDepthwise, Int8ThreeByThreeStrideTwoManyChannelsBitExact) {
  // Stride 2 with 32+ channels and 64+ output pixels takes the planar path (it took the
  // channel-group path before the stride-2 assembly loop); odd widths run the loop's single tail.
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.force_stride = 2;
  lim.force_multiplier = 1;
  lim.max_in_c = 48;
  lim.max_hw = 30;
  lim.max_batches = 1;
  expect_int8_cases(20, 150, lim, false);
  expect_int8_cases(21, 60, lim, true);
}

TEST(OptimizedDepthwise, Int8ThreeByThreeExtremeZeroPointsBitExact) {
  // Zero points at both ends of the range: the folded requantization constant and the plane's
  // offset input are at their extremes.
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.force_multiplier = 1;
  lim.max_in_c = 24;
  lim.extreme_zero_points = true;
  for (int stride : {1, 2}) {
    lim.force_stride = stride;
    expect_int8_cases(22 + stride, 400, lim, false);
  }
}

TEST(OptimizedDepthwise, Int8TinySpatialManyChannelsBitExact) {
  // Outputs below the channel-group threshold (64 pixels): channel counts with and without a
  // multiple of 4 pick the channel-group or the planar path.
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.force_multiplier = 1;
  lim.max_in_c = 72;
  lim.max_hw = 7;
  expect_int8_cases(25, 600, lim, false);
}

TEST(OptimizedDepthwise, Int8SingleInputChannelMultiplierBitExact) {
  ConvShapeLimits lim;
  lim.force_in_c = 1;
  lim.max_kernel = 6;
  lim.max_hw = 16;
  for (int m : {2, 3, 8, 5}) {
    lim.force_multiplier = m;
    expect_int8_cases(140 + m, 200, lim, false);
  }
}

TEST(OptimizedDepthwise, Int8InPlaceAtTightestOverlap) { expect_int8_cases(15, 1000, {}, true); }

TEST(OptimizedDepthwise, Int8LargePlanesInBandsBitExact) {
  // Outputs wider and taller than one band of accumulators (512): several bands per channel,
  // also in place (bands must run in pixel order).
  ConvShapeLimits lim;
  lim.max_hw = 44;
  lim.max_in_c = 5;
  lim.force_multiplier = 1;
  lim.max_batches = 1;
  expect_int8_cases(18, 120, lim, false);
  expect_int8_cases(19, 120, lim, true);
}

TEST(OptimizedDepthwise, Float32RandomShapesWithinTolerance) {
  strata_test::expect_float_conv_cases(
      16, 1500, true,
      [](const ConvCase& c, int, float* out) {
        reference::depthwise_conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter,
                                             c.weights_f.data(), c.bias_f_ptr(), c.out, out);
      },
      [](const ConvCase& c, int, float* out) {
        optimized::depthwise_conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter,
                                             c.weights_f.data(), c.bias_f_ptr(), c.out, out);
      });
}

TEST(OptimizedDepthwise, HybridRandomShapesWithinTolerance) {
  strata_test::expect_float_conv_cases(
      17, 1000, true,
      [](const ConvCase& c, int i, float* out) {
        std::vector<int8_t> s(static_cast<size_t>(c.in.h * c.in.w * c.in.c));
        reference::depthwise_conv_2d_hybrid(c.pf, strata_test::alternating_hybrid_weights(c, i),
                                            c.in, c.input_f.data(), c.filter, c.weights.data(),
                                            c.bias_f_ptr(), c.out, out, s.data());
      },
      [](const ConvCase& c, int i, float* out) {
        Scratch s(optimized::depthwise_conv_2d_hybrid_scratch_bytes(c.pf, c.in, c.filter, c.out));
        optimized::depthwise_conv_2d_hybrid(c.pf, strata_test::alternating_hybrid_weights(c, i),
                                            c.in, c.input_f.data(), c.filter, c.weights.data(),
                                            c.bias_f_ptr(), c.out, out, s.data());
      });
}

}  // namespace
}  // namespace kernels
}  // namespace strata
