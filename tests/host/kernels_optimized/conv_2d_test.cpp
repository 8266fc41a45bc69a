// Optimized CONV_2D against the reference on random shapes: int8 bit-exact (also in place, at the
// planner's tightest overlap), float32 and hybrid within the conformance tolerance.
#include "optimized/conv_2d.hpp"

#include <gtest/gtest.h>

#include "float_conv_cases.hpp"
#include "inplace.hpp"
#include "random_cases.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::ConvCase;
using strata_test::ConvShapeLimits;
using strata_test::Scratch;

std::vector<int8_t> reference_int8(const ConvCase& c) {
  std::vector<int8_t> out(static_cast<size_t>(flat_size(c.out)), 0x5A);
  reference::conv_2d_int8(c.p, c.quant(), c.in, c.input.data(), c.filter, c.weights.data(),
                          c.bias_ptr(), c.out, out.data());
  return out;
}

std::vector<int8_t> optimized_int8(const ConvCase& c) {
  std::vector<int8_t> out(static_cast<size_t>(flat_size(c.out)), 0x33);
  Scratch s(optimized::conv_2d_int8_scratch_bytes(c.in, c.filter, c.out));
  optimized::conv_2d_int8(c.p, c.quant(), c.in, c.input.data(), c.filter, c.weights.data(),
                          c.bias_ptr(), c.out, out.data(), s.data());
  return out;
}

void expect_int8_cases(uint32_t seed, int count, const ConvShapeLimits& lim) {
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    const ConvCase c = strata_test::random_conv_case(&rng, false, lim);
    ASSERT_EQ(strata_test::first_difference(optimized_int8(c), reference_int8(c)), -1)
        << "case " << i << ": " << c.describe();
  }
}

TEST(OptimizedConv2D, Int8RandomShapesBitExact) { expect_int8_cases(1, 3000, {}); }

TEST(OptimizedConv2D, Int8PointwiseWideChannelsBitExact) {
  ConvShapeLimits lim;
  lim.force_kernel = 1;
  lim.max_in_c = 80;
  lim.max_out_c = 40;
  lim.max_hw = 9;
  expect_int8_cases(2, 600, lim);
}

TEST(OptimizedConv2D, Int8ThreeByThreeWideChannelsBitExact) {
  ConvShapeLimits lim;
  lim.force_kernel = 3;
  lim.max_in_c = 40;
  lim.max_out_c = 24;
  lim.max_hw = 10;
  expect_int8_cases(3, 400, lim);
}

TEST(OptimizedConv2D, Int8InPlaceAtTightestOverlap) {
  std::mt19937 rng(4);
  for (int i = 0; i < 800; ++i) {
    const ConvCase c = strata_test::random_conv_case(&rng, false);
    const std::vector<int8_t> want = reference_int8(c);
    strata_test::InplaceBuffer<int8_t> buf(c, 1);
    Scratch s(optimized::conv_2d_int8_scratch_bytes(c.in, c.filter, c.out));
    optimized::conv_2d_int8(c.p, c.quant(), c.in, buf.input(c.input), c.filter, c.weights.data(),
                            c.bias_ptr(), c.out, buf.output(), s.data());
    ASSERT_EQ(strata_test::first_difference(buf.result(want.size()), want), -1)
        << "case " << i << " lead " << buf.lead << ": " << c.describe();
  }
}

TEST(OptimizedConv2D, Float32RandomShapesWithinTolerance) {
  strata_test::expect_float_conv_cases(
      5, 1500, false,
      [](const ConvCase& c, int, float* out) {
        reference::conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, c.weights_f.data(),
                                   c.bias_f_ptr(), c.out, out);
      },
      [](const ConvCase& c, int, float* out) {
        Scratch s(optimized::conv_2d_float32_scratch_bytes(c.in, c.filter, c.out));
        optimized::conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, c.weights_f.data(),
                                   c.bias_f_ptr(), c.out, out, s.data());
      });
}

TEST(OptimizedConv2D, HybridRandomShapesWithinTolerance) {
  strata_test::expect_float_conv_cases(
      6, 1000, false,
      [](const ConvCase& c, int i, float* out) {
        std::vector<int8_t> s(static_cast<size_t>(c.in.h * c.in.w * c.in.c));
        reference::conv_2d_hybrid(c.pf, strata_test::alternating_hybrid_weights(c, i), c.in,
                                  c.input_f.data(), c.filter, c.weights.data(), c.bias_f_ptr(),
                                  c.out, out, s.data());
      },
      [](const ConvCase& c, int i, float* out) {
        Scratch s(optimized::conv_2d_hybrid_scratch_bytes(c.in, c.filter, c.out));
        optimized::conv_2d_hybrid(c.pf, strata_test::alternating_hybrid_weights(c, i), c.in,
                                  c.input_f.data(), c.filter, c.weights.data(), c.bias_f_ptr(),
                                  c.out, out, s.data());
      });
}

}  // namespace
}  // namespace kernels
}  // namespace strata
