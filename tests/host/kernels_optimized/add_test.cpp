// Optimized int8 ADD (per-invoke lookup tables for the rescaled inputs) against the reference on
// random quantization parameters, sizes around the table threshold and in-place operands;
// broadcasting and float32 (which the optimized kernel delegates) through the kernel too.
#include <gtest/gtest.h>

#include "optimized/arithmetic.hpp"
#include "random_cases.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::uniform;
using strata_test::uniform_f;

ArithmeticParams random_add_params(std::mt19937* rng) {
  for (;;) {
    ArithmeticParams p{};
    const FusedActivation acts[] = {FusedActivation::kNone, FusedActivation::kRelu,
                                    FusedActivation::kRelu6};
    const float s1 = uniform_f(rng, 0.005f, 0.2f);
    const float s2 = uniform(rng, 0, 3) == 0 ? s1 : uniform_f(rng, 0.005f, 0.2f);
    const float so = uniform_f(rng, 0.005f, 0.4f);
    const BinaryQuant q = {s1, uniform(rng, -128, 127), s2, uniform(rng, -128, 127), so,
                           uniform(rng, -128, 127), -128, 127};
    if (compute_add_params(q, acts[uniform(rng, 0, 2)], &p)) {
      return p;
    }
  }
}

TEST(OptimizedAdd, Int8BitExactAcrossSizes) {
  std::mt19937 rng(41);
  for (int i = 0; i < 600; ++i) {
    const ArithmeticParams p = random_add_params(&rng);
    const int32_t count =
        uniform(&rng, 0, 2) == 0 ? uniform(&rng, 1, 600) : uniform(&rng, 500, 3000);
    std::vector<int8_t> a(count), b(count);
    for (int32_t k = 0; k < count; ++k) {
      a[k] = static_cast<int8_t>(uniform(&rng, -128, 127));
      b[k] = static_cast<int8_t>(uniform(&rng, -128, 127));
    }
    std::vector<int8_t> want(count, 0x5A);
    reference::add_int8(p, flat_plan(count), a.data(), b.data(), want.data());
    strata_test::Scratch s(optimized::add_int8_scratch_bytes(count, false));
    // In place on input 0 for half the cases (the planner's lead for an element-wise op is 0).
    std::vector<int8_t> got = a;
    int8_t* out = (i & 1) != 0 ? got.data() : nullptr;
    std::vector<int8_t> separate(count, 0x33);
    optimized::add_int8(p, flat_plan(count), got.data(), b.data(), out ? out : separate.data(),
                        s.data());
    ASSERT_EQ(strata_test::first_difference(out ? got : separate, want), -1)
        << "case " << i << " count " << count;
  }
}

TEST(OptimizedAdd, Int8BroadcastMatchesReference) {
  std::mt19937 rng(42);
  const ArithmeticParams p = random_add_params(&rng);
  // [1,3,4,5] + [5]: the plan merges it into [12,5] with input 1 repeated per row.
  BroadcastPlan bc{};
  bc.count = 60;
  bc.rank = 2;
  bc.out[0] = 12;
  bc.out[1] = 5;
  bc.stride[0][0] = 5;
  bc.stride[0][1] = 1;
  bc.stride[1][1] = 1;
  std::vector<int8_t> a(60), b(5);
  for (int8_t& v : a) v = static_cast<int8_t>(uniform(&rng, -128, 127));
  for (int8_t& v : b) v = static_cast<int8_t>(uniform(&rng, -128, 127));
  std::vector<int8_t> want(60), got(60);
  reference::add_int8(p, bc, a.data(), b.data(), want.data());
  optimized::add_int8(p, bc, a.data(), b.data(), got.data(), nullptr);
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
