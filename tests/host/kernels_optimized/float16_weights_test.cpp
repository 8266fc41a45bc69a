// The float16-weights variants of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, in both
// backends, against each backend's own float32 kernel on the widened weights: widening is exact
// and the accumulation order is the same, so the outputs must be bit-identical. Random shapes
// (odd and even weight rows, so both the paired and the single loads run), float16 and float32
// biases, no bias, and weights that start 2 but not 4 bytes aligned.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "common/half.hpp"
#include "optimized/conv_2d.hpp"
#include "optimized/depthwise_conv_2d.hpp"
#include "optimized/fully_connected.hpp"
#include "random_cases.hpp"
#include "reference/conv_2d.hpp"
#include "reference/depthwise_conv_2d.hpp"
#include "reference/fully_connected.hpp"

namespace {

using strata::kernels::Half;
using strata::kernels::half_to_float;
using namespace strata::kernels;  // NOLINT: reference:: and optimized:: below
using strata_test::ConvCase;
using strata_test::FcCase;
using strata_test::Scratch;

// Float16 values standing in for a case's float32 ones: random finite halves of magnitude about
// 2^-8..2^4 (some zeros and subnormals too), and the floats they widen to.
struct HalfValues {
  std::vector<uint16_t> storage;  // one spare half in front: `offset` 1 starts it misaligned
  std::vector<float> widened;
  size_t offset = 0;
  const Half* data() const { return reinterpret_cast<const Half*>(storage.data() + offset); }
};

HalfValues random_halves(std::mt19937* rng, size_t n, bool misaligned) {
  HalfValues v;
  v.offset = misaligned ? 1 : 0;
  v.storage.assign(n + 2, 0);
  v.widened.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const int kind = strata_test::uniform(rng, 0, 31);
    uint16_t h;
    if (kind == 0) {
      h = 0;
    } else if (kind == 1) {
      h = static_cast<uint16_t>(strata_test::uniform(rng, 1, 0x3FF));  // subnormal
    } else {
      const int exponent = strata_test::uniform(rng, 7, 19);
      h = static_cast<uint16_t>((exponent << 10) | strata_test::uniform(rng, 0, 0x3FF));
    }
    if (strata_test::uniform(rng, 0, 1) != 0) h = static_cast<uint16_t>(h | 0x8000);
    v.storage[v.offset + i] = h;
    v.widened[i] = half_to_float(h);
  }
  return v;
}

// Bias of a case: none, float16 or float32 (the latter widened from halves too).
enum class BiasKind { kNone, kHalf, kFloat };

struct Bias {
  BiasKind kind;
  HalfValues values;
  const void* raw() const {
    if (kind == BiasKind::kNone) return nullptr;
    return kind == BiasKind::kHalf ? static_cast<const void*>(values.data())
                                   : static_cast<const void*>(values.widened.data());
  }
  const float* widened() const { return kind == BiasKind::kNone ? nullptr : values.widened.data(); }
};

Bias random_bias(std::mt19937* rng, size_t n, int i) {
  Bias b{static_cast<BiasKind>(i % 3), random_halves(rng, n, false)};
  return b;
}

void expect_identical(const std::vector<float>& got, const std::vector<float>& want, int i,
                      const std::string& what) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) {
    uint32_t g;
    uint32_t w;
    std::memcpy(&g, &got[k], 4);
    std::memcpy(&w, &want[k], 4);
    ASSERT_EQ(g, w) << "case " << i << " output " << k << ": " << got[k] << " vs " << want[k]
                    << " (" << what << ")";
  }
}

constexpr int kCases = 300;

void run_conv_cases(bool depthwise, uint32_t seed) {
  std::mt19937 rng(seed);
  for (int i = 0; i < kCases; ++i) {
    const ConvCase c = strata_test::random_conv_case(&rng, depthwise);
    const HalfValues w = random_halves(&rng, c.weights_f.size(), (i & 4) != 0);
    const Bias bias = random_bias(&rng, static_cast<size_t>(c.out.c), i);
    const bool half_bias = bias.kind == BiasKind::kHalf;
    const size_t n = static_cast<size_t>(flat_size(c.out));
    std::vector<float> want(n, -7.0f);
    std::vector<float> got(n, 7.0f);
    if (depthwise) {
      reference::depthwise_conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, w.widened.data(),
                                           bias.widened(), c.out, want.data());
      reference::depthwise_conv_2d_float16(c.pf, c.in, c.input_f.data(), c.filter, w.data(),
                                           bias.raw(), half_bias, c.out, got.data());
      expect_identical(got, want, i, "reference " + c.describe());
      optimized::depthwise_conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, w.widened.data(),
                                           bias.widened(), c.out, want.data());
      optimized::depthwise_conv_2d_float16(c.pf, c.in, c.input_f.data(), c.filter, w.data(),
                                           bias.raw(), half_bias, c.out, got.data());
      expect_identical(got, want, i, "optimized " + c.describe());
    } else {
      reference::conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, w.widened.data(),
                                 bias.widened(), c.out, want.data());
      reference::conv_2d_float16(c.pf, c.in, c.input_f.data(), c.filter, w.data(), bias.raw(),
                                 half_bias, c.out, got.data());
      expect_identical(got, want, i, "reference " + c.describe());
      Scratch s(optimized::conv_2d_float32_scratch_bytes(c.in, c.filter, c.out));
      optimized::conv_2d_float32(c.pf, c.in, c.input_f.data(), c.filter, w.widened.data(),
                                 bias.widened(), c.out, want.data(), s.data());
      optimized::conv_2d_float16(c.pf, c.in, c.input_f.data(), c.filter, w.data(), bias.raw(),
                                 half_bias, c.out, got.data(), s.data());
      expect_identical(got, want, i, "optimized " + c.describe());
    }
  }
}

TEST(Float16Weights, Conv2DMatchesFloat32BitForBit) { run_conv_cases(false, 1601); }

TEST(Float16Weights, DepthwiseConv2DMatchesFloat32BitForBit) { run_conv_cases(true, 1602); }

TEST(Float16Weights, FullyConnectedMatchesFloat32BitForBit) {
  std::mt19937 rng(1603);
  for (int i = 0; i < kCases; ++i) {
    const FcCase c = strata_test::random_fc_case(&rng);
    const HalfValues w = random_halves(&rng, c.weights_f.size(), (i & 4) != 0);
    const Bias bias = random_bias(&rng, static_cast<size_t>(c.pf.units), i);
    const bool half_bias = bias.kind == BiasKind::kHalf;
    const size_t n = static_cast<size_t>(c.pf.batches * c.pf.units);
    std::vector<float> want(n, -7.0f);
    std::vector<float> got(n, 7.0f);
    reference::fully_connected_float32(c.pf, c.input_f.data(), w.widened.data(), bias.widened(),
                                       want.data());
    reference::fully_connected_float16(c.pf, c.input_f.data(), w.data(), bias.raw(), half_bias,
                                       got.data());
    expect_identical(got, want, i, "reference " + c.describe());
    optimized::fully_connected_float32(c.pf, c.input_f.data(), w.widened.data(), bias.widened(),
                                       want.data());
    optimized::fully_connected_float16(c.pf, c.input_f.data(), w.data(), bias.raw(), half_bias,
                                       got.data());
    expect_identical(got, want, i, "optimized " + c.describe());
  }
}

// The paired loads must not change a single bit either: every combination of row parity and
// start alignment, in the 4-row and 1-row blocks.
TEST(Float16Weights, PairedAndSingleLoadsAgree) {
  std::mt19937 rng(1604);
  for (int depth = 1; depth <= 9; ++depth) {
    for (int misaligned = 0; misaligned < 2; ++misaligned) {
      FullyConnectedParams p{};
      p.batches = 2;
      p.units = 5;
      p.accum_depth = depth;
      p.act_min_f = -1e30f;
      p.act_max_f = 1e30f;
      const HalfValues w =
          random_halves(&rng, static_cast<size_t>(p.units * depth), misaligned != 0);
      std::vector<float> x(static_cast<size_t>(p.batches * depth));
      for (float& v : x) v = strata_test::uniform_f(&rng, -2.0f, 2.0f);
      std::vector<float> want(static_cast<size_t>(p.batches * p.units));
      std::vector<float> got(want.size());
      optimized::fully_connected_float32(p, x.data(), w.widened.data(), nullptr, want.data());
      optimized::fully_connected_float16(p, x.data(), w.data(), nullptr, false, got.data());
      expect_identical(got, want, depth * 2 + misaligned, "depth " + std::to_string(depth));
    }
  }
}

}  // namespace
