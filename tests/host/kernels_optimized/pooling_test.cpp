// Optimized MAX_POOL_2D and AVERAGE_POOL_2D against the reference on random shapes (channel counts
// around the 4-lane SIMD width, clipped border windows, activations): int8 bit-exact also in
// place, float32 bit-exact (same operations in the same order).
#include "optimized/pooling.hpp"

#include <gtest/gtest.h>

#include "inplace.hpp"
#include "random_cases.hpp"
#include "reference/pooling.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::PoolCase;

using Int8Pool = void (*)(const PoolParams&, const Dims4&, const int8_t*, const Dims4&, int8_t*);
using FloatPool = void (*)(const PoolParams&, const Dims4&, const float*, const Dims4&, float*);

void expect_int8(Int8Pool ref, Int8Pool opt, uint32_t seed) {
  std::mt19937 rng(seed);
  for (int i = 0; i < 2000; ++i) {
    const PoolCase c = strata_test::random_pool_case(&rng, true);
    std::vector<int8_t> want(static_cast<size_t>(flat_size(c.out)), 0x5A);
    ref(c.p, c.in, c.input.data(), c.out, want.data());
    const bool inplace = (i & 1) != 0;
    std::vector<int8_t> got(want.size(), 0x33);
    if (inplace) {
      strata_test::InplaceBuffer<int8_t> buf(strata_test::pool_inplace_lead(c, 1), c.input.size(),
                                             want.size());
      opt(c.p, c.in, buf.input(c.input), c.out, buf.output());
      got = buf.result(want.size());
    } else {
      opt(c.p, c.in, c.input.data(), c.out, got.data());
    }
    ASSERT_EQ(strata_test::first_difference(got, want), -1)
        << "case " << i << (inplace ? " (in place): " : ": ") << c.describe();
  }
}

void expect_float(FloatPool ref, FloatPool opt, uint32_t seed) {
  std::mt19937 rng(seed);
  for (int i = 0; i < 1000; ++i) {
    const PoolCase c = strata_test::random_pool_case(&rng, false);
    std::vector<float> want(static_cast<size_t>(flat_size(c.out)), -7.0f);
    std::vector<float> got(want.size(), 7.0f);
    ref(c.p, c.in, c.input_f.data(), c.out, want.data());
    opt(c.p, c.in, c.input_f.data(), c.out, got.data());
    ASSERT_EQ(strata_test::first_difference(got, want), -1) << "case " << i << ": " << c.describe();
  }
}

TEST(OptimizedPooling, MaxInt8BitExact) {
  expect_int8(reference::max_pool_2d_int8, optimized::max_pool_2d_int8, 31);
}

TEST(OptimizedPooling, AverageInt8BitExact) {
  expect_int8(reference::average_pool_2d_int8, optimized::average_pool_2d_int8, 32);
}

TEST(OptimizedPooling, MaxFloat32BitExact) {
  expect_float(reference::max_pool_2d_float32, optimized::max_pool_2d_float32, 33);
}

TEST(OptimizedPooling, AverageFloat32BitExact) {
  expect_float(reference::average_pool_2d_float32, optimized::average_pool_2d_float32, 34);
}

TEST(OptimizedPooling, AverageInt8LargeWindowUsesExactSums) {
  // 17x17 = 289 taps of -128: beyond int16 lane sums; the kernel must switch to int32.
  PoolParams p{};
  int32_t oh = 0;
  int32_t ow = 0;
  ASSERT_TRUE(compute_pool_geometry(Padding::kValid, 1, 1, 17, 17, 17, 17, &p, &oh, &ow));
  ASSERT_TRUE(compute_pool_activation(FusedActivation::kNone, DataType::kInt8, 0.1f, 0, &p));
  const Dims4 in = {1, 17, 17, 8};
  const Dims4 out = {1, oh, ow, 8};
  std::vector<int8_t> input(static_cast<size_t>(flat_size(in)), -128);
  std::vector<int8_t> got(8, 0);
  optimized::average_pool_2d_int8(p, in, input.data(), out, got.data());
  for (int8_t v : got) EXPECT_EQ(v, -128);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
