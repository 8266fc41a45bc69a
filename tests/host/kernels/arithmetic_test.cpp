#include "reference/arithmetic.hpp"

#include <gtest/gtest.h>

#include <random>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(ArithmeticFloat, AddAndMulWithActivation) {
  ArithmeticParams p;
  ASSERT_TRUE(compute_arithmetic_params_float(FusedActivation::kRelu, &p));
  const float a[3] = {1.0f, -5.0f, 2.5f};
  const float b[3] = {2.0f, 1.0f, -0.5f};
  float out[3];
  add_float32(p, flat_plan(3), a, b, out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);
  EXPECT_FLOAT_EQ(out[1], 0.0f);  // -4 clamped by RELU
  EXPECT_FLOAT_EQ(out[2], 2.0f);
  mul_float32(p, flat_plan(3), a, b, out);
  EXPECT_FLOAT_EQ(out[0], 2.0f);
  EXPECT_FLOAT_EQ(out[1], 0.0f);
  EXPECT_FLOAT_EQ(out[2], 0.0f);
}

TEST(ArithmeticFloat, BroadcastRowOverMatrix) {
  // [2,3] + [3]: the row is added to both rows.
  const std::vector<int32_t> da = {2, 3}, db = {3};
  const TensorView va = strata_test::shape_view(da), vb = strata_test::shape_view(db);
  const TensorView* row[2] = {&va, &vb};
  BroadcastPlan bc;
  ASSERT_TRUE(plan_broadcast(OpContext{}, row, 2, va, BroadcastOutput::kBroadcastShape, &bc).ok());
  ArithmeticParams p;
  ASSERT_TRUE(compute_arithmetic_params_float(FusedActivation::kNone, &p));
  const float a[6] = {1, 2, 3, 4, 5, 6};
  const float b[3] = {10, 20, 30};
  float out[6];
  add_float32(p, bc, a, b, out);
  EXPECT_FLOAT_EQ(out[0], 11);
  EXPECT_FLOAT_EQ(out[5], 36);
  // Column broadcast: [2,1] * [1,3] -> outer product.
  const std::vector<int32_t> dc = {2, 1}, dr = {1, 3};
  const TensorView vc = strata_test::shape_view(dc), vr = strata_test::shape_view(dr);
  const TensorView* outer[2] = {&vc, &vr};
  ASSERT_TRUE(
      plan_broadcast(OpContext{}, outer, 2, va, BroadcastOutput::kBroadcastShape, &bc).ok());
  const float col[2] = {2, 3};
  mul_float32(p, bc, col, b, out);
  EXPECT_FLOAT_EQ(out[0], 20);
  EXPECT_FLOAT_EQ(out[4], 60);
}

TEST(ArithmeticInt8, AddHandComputed) {
  // Both inputs scale 0.5 zp 0, output scale 1 zp 0: (4 + 6) * 0.5 = 5; (3 + 0) * 0.5 = 1.5 -> 2.
  ArithmeticParams p;
  ASSERT_TRUE(
      compute_add_params({0.5f, 0, 0.5f, 0, 1.0f, 0, -128, 127}, FusedActivation::kNone, &p));
  EXPECT_EQ(p.left_shift, 20);
  const int8_t a[2] = {4, 3};
  const int8_t b[2] = {6, 0};
  int8_t out[2];
  add_int8(p, flat_plan(2), a, b, out);
  EXPECT_EQ(out[0], 5);
  EXPECT_EQ(out[1], 2);
}

TEST(ArithmeticInt8, AddAndMulMatchFloat) {
  std::mt19937 rng(2);
  const float s1 = 0.0394f, s2 = 0.1042f, so = 0.0509f;
  const int z1 = -128, z2 = 4, zo = -128;
  ArithmeticParams add, mul;
  ASSERT_TRUE(
      compute_add_params({s1, z1, s2, z2, so, zo, -128, 127}, FusedActivation::kNone, &add));
  ASSERT_TRUE(
      compute_mul_params({s1, z1, s2, z2, 0.3f, 0, -128, 127}, FusedActivation::kNone, &mul));
  auto a = strata_test::random_int8(&rng, 4096);
  auto b = strata_test::random_int8(&rng, 4096);
  std::vector<int8_t> out(4096), out2(4096);
  add_int8(add, flat_plan(4096), a.data(), b.data(), out.data());
  mul_int8(mul, flat_plan(4096), a.data(), b.data(), out2.data());
  for (int i = 0; i < 4096; ++i) {
    const float fa = s1 * (a[i] - z1), fb = s2 * (b[i] - z2);
    ASSERT_LE(std::abs(out[i] - strata_test::quantize(fa + fb, so, zo)), 1) << i;
    ASSERT_LE(std::abs(out2[i] - strata_test::quantize(fa * fb, 0.3f, 0)), 1) << i;
  }
}

TEST(ArithmeticInt8, MulHandComputed) {
  // scales 0.5 * 0.5 / 0.25 = 1: (3 - 1) * (5 + 1) = 12; output zp 2 -> 14.
  ArithmeticParams p;
  ASSERT_TRUE(
      compute_mul_params({0.5f, 1, 0.5f, -1, 0.25f, 2, -128, 127}, FusedActivation::kNone, &p));
  const int8_t a[1] = {3};
  const int8_t b[1] = {5};
  int8_t out[1];
  mul_int8(p, flat_plan(1), a, b, out);
  EXPECT_EQ(out[0], 14);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
