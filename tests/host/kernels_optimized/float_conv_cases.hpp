// The float32 and hybrid comparisons shared by the CONV_2D and DEPTHWISE_CONV_2D tests: both ops
// take the same random cases and the same tolerance; only the two functions under test differ.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "random_cases.hpp"
#include "reference/conv_2d.hpp"

namespace strata_test {

// Hybrid weights of case i: odd cases quantize their inputs asymmetrically, so both modes run.
inline strata::kernels::HybridWeights alternating_hybrid_weights(const ConvCase& c, int i) {
  return {c.filter_scales.data(), c.per_channel, (i & 1) != 0};
}

// Runs count random cases through reference(c, i, out) and optimized(c, i, out) (float outputs)
// and expects them within the conformance tolerance.
template <typename Reference, typename Optimized>
void expect_float_conv_cases(uint32_t seed, int count, bool depthwise, Reference reference,
                             Optimized optimized) {
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    const ConvCase c = random_conv_case(&rng, depthwise);
    std::vector<float> want(static_cast<size_t>(strata::kernels::flat_size(c.out)), -7.0f);
    std::vector<float> got(want.size(), 7.0f);
    reference(c, i, want.data());
    optimized(c, i, got.data());
    ASSERT_EQ(first_float_mismatch(got, want), -1) << "case " << i << ": " << c.describe();
  }
}

}  // namespace strata_test
