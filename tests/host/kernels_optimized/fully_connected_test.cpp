// Optimized FULLY_CONNECTED against the reference on random shapes: int8 bit-exact (every depth
// residue mod 16, per-tensor and per-channel weights, word-aligned and unaligned weight rows),
// float32 and hybrid within the conformance tolerance.
#include "optimized/fully_connected.hpp"

#include <gtest/gtest.h>

#include "random_cases.hpp"
#include "reference/fully_connected.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::FcCase;
using strata_test::Scratch;

void expect_int8(const FcCase& c, const int8_t* weights, int i) {
  std::vector<int8_t> want(static_cast<size_t>(c.p.batches * c.p.units), 0x5A);
  std::vector<int8_t> got(want.size(), 0x33);
  reference::fully_connected_int8(c.p, c.quant(), c.input.data(), weights, c.bias_ptr(),
                                  want.data());
  Scratch s(optimized::fully_connected_int8_scratch_bytes(c.p, c.multiplier.size() > 1));
  optimized::fully_connected_int8(c.p, c.quant(), c.input.data(), weights, c.bias_ptr(), got.data(),
                                  s.data());
  ASSERT_EQ(strata_test::first_difference(got, want), -1) << "case " << i << ": " << c.describe();
}

TEST(OptimizedFullyConnected, Int8RandomShapesBitExact) {
  std::mt19937 rng(21);
  for (int i = 0; i < 3000; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng);
    expect_int8(c, c.weights.data(), i);
  }
}

TEST(OptimizedFullyConnected, Int8WideInputsInChunksBitExact) {
  // Depth above 1024 (widened in chunks): sums carry across chunks.
  std::mt19937 rng(25);
  for (int i = 0; i < 150; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng, 3100, 6);
    if (c.p.accum_depth <= 1024) continue;
    expect_int8(c, c.weights.data(), i);
  }
}

TEST(OptimizedFullyConnected, Int8UnalignedWeightRowsBitExact) {
  // The same weights one byte off word alignment: the kernel must not take the aligned loads.
  std::mt19937 rng(22);
  for (int i = 0; i < 500; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng, 200, 12);
    std::vector<int8_t> shifted(c.weights.size() + 4);
    std::memcpy(shifted.data() + 1, c.weights.data(), c.weights.size());
    expect_int8(c, shifted.data() + 1, i);
  }
}

TEST(OptimizedFullyConnected, Float32RandomShapesWithinTolerance) {
  std::mt19937 rng(23);
  for (int i = 0; i < 1500; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng);
    std::vector<float> want(static_cast<size_t>(c.pf.batches * c.pf.units), -7.0f);
    std::vector<float> got(want.size(), 7.0f);
    reference::fully_connected_float32(c.pf, c.input_f.data(), c.weights_f.data(), c.bias_f_ptr(),
                                       want.data());
    optimized::fully_connected_float32(c.pf, c.input_f.data(), c.weights_f.data(), c.bias_f_ptr(),
                                       got.data());
    ASSERT_EQ(strata_test::first_float_mismatch(got, want), -1)
        << "case " << i << ": " << c.describe();
  }
}

TEST(OptimizedFullyConnected, HybridRandomShapesWithinTolerance) {
  std::mt19937 rng(24);
  for (int i = 0; i < 1500; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng);
    const HybridWeights hw = {c.filter_scales.data(), c.filter_scales.size() > 1, (i & 1) != 0};
    std::vector<float> want(static_cast<size_t>(c.pf.batches * c.pf.units), -7.0f);
    std::vector<float> got(want.size(), 7.0f);
    std::vector<int8_t> ref_scratch(static_cast<size_t>(c.pf.accum_depth));
    reference::fully_connected_hybrid(c.pf, hw, c.input_f.data(), c.weights.data(), c.bias_f_ptr(),
                                      want.data(), ref_scratch.data());
    Scratch s(optimized::fully_connected_hybrid_scratch_bytes(c.pf));
    optimized::fully_connected_hybrid(c.pf, hw, c.input_f.data(), c.weights.data(), c.bias_f_ptr(),
                                      got.data(), s.data());
    ASSERT_EQ(strata_test::first_float_mismatch(got, want), -1)
        << "case " << i << ": " << c.describe();
  }
}

}  // namespace
}  // namespace kernels
}  // namespace strata
