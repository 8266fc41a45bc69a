// The float32 element-wise math ops (NEG ... EXP), RSQRT, L2_NORMALIZATION, LOG_SOFTMAX and the
// int16 SOFTMAX through the kernel API: hand-checkable values and quantized kernels against their
// float function.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel_harness.hpp"
#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace {

template <typename T>
std::vector<T> run(tflite::BuiltinOperator code, const std::vector<int32_t>& shape,
                   const std::vector<T>& in, DataType type, std::vector<float> in_scale = {},
                   std::vector<int64_t> in_zp = {}, std::vector<float> out_scale = {},
                   std::vector<int64_t> out_zp = {}) {
  FakeTensor x(type, shape, in_scale, in_zp);
  FakeTensor y(type, shape, out_scale, out_zp, 1);
  set_values(&x, in);
  const Status s = run_reference(code, nullptr, {&x}, {&y});
  EXPECT_TRUE(s.ok()) << s.message();
  return values_of<T>(y);
}

std::vector<float> run_float(tflite::BuiltinOperator code, const std::vector<float>& in) {
  return run<float>(code, {static_cast<int32_t>(in.size())}, in, DataType::kFloat32);
}

TEST(FloatMath, HandValues) {
  using B = tflite::BuiltinOperator;
  const std::vector<float> in = {-2.5f, -0.5f, 0.5f, 1.5f, 2.5f};
  EXPECT_EQ(run_float(B::BuiltinOperator_NEG, in),
            (std::vector<float>{2.5f, 0.5f, -0.5f, -1.5f, -2.5f}));
  EXPECT_EQ(run_float(B::BuiltinOperator_FLOOR, in), (std::vector<float>{-3, -1, 0, 1, 2}));
  EXPECT_EQ(run_float(B::BuiltinOperator_CEIL, in), (std::vector<float>{-2, -0.0f, 1, 2, 3}));
  // ROUND: ties to even.
  EXPECT_EQ(run_float(B::BuiltinOperator_ROUND, in), (std::vector<float>{-2, -0.0f, 0, 2, 2}));
  EXPECT_EQ(run_float(B::BuiltinOperator_SQUARE, in),
            (std::vector<float>{6.25f, 0.25f, 0.25f, 2.25f, 6.25f}));
  EXPECT_EQ(run_float(B::BuiltinOperator_SQRT, {4.0f, 0.25f}), (std::vector<float>{2, 0.5f}));
  EXPECT_EQ(run_float(B::BuiltinOperator_RSQRT, {4.0f, 0.25f}), (std::vector<float>{0.5f, 2}));
  EXPECT_NEAR(run_float(B::BuiltinOperator_EXP, {1.0f})[0], std::exp(1.0f), 1e-6);
  EXPECT_NEAR(run_float(B::BuiltinOperator_LOG, {10.0f})[0], std::log(10.0f), 1e-6);
  EXPECT_NEAR(run_float(B::BuiltinOperator_SIN, {1.0f})[0], std::sin(1.0f), 1e-6);
  EXPECT_NEAR(run_float(B::BuiltinOperator_COS, {1.0f})[0], std::cos(1.0f), 1e-6);
}

TEST(FloatMath, RefusesOtherTypesAndShapes) {
  FakeTensor x(DataType::kInt8, {4}, {0.1f}, {0});
  FakeTensor y(DataType::kInt8, {4}, {0.1f}, {0}, 1);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_NEG, nullptr, {&x}, {&y}).code(),
            StatusCode::kUnsupported);
  FakeTensor f(DataType::kFloat32, {2, 2});
  FakeTensor g(DataType::kFloat32, {4}, {}, {}, 1);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_EXP, nullptr, {&f}, {&g}).code(),
            StatusCode::kMalformedModel);
}

TEST(Rsqrt, Int8TracksFloat) {
  // Inputs at or below the zero point: 0 gives the maximum.
  std::vector<int8_t> in;
  for (int q = -100; q <= 127; ++q) in.push_back(static_cast<int8_t>(q));
  const float in_scale = 0.05f;
  const float out_scale = 0.02f;
  const std::vector<int8_t> out =
      run<int8_t>(tflite::BuiltinOperator_RSQRT, {static_cast<int32_t>(in.size())}, in,
                  DataType::kInt8, {in_scale}, {-100}, {out_scale}, {-128});
  EXPECT_EQ(out[0], 127);
  for (size_t i = 1; i < in.size(); ++i) {
    const float x = in_scale * (in[i] + 100);
    ASSERT_LE(std::abs(out[i] - strata_test::quantize(1.0f / std::sqrt(x), out_scale, -128)), 1)
        << x;
  }
}

TEST(L2Normalization, RowsHaveUnitNorm) {
  const std::vector<float> f = run<float>(tflite::BuiltinOperator_L2_NORMALIZATION, {2, 2},
                                          {3, 4, 0, 0}, DataType::kFloat32);
  EXPECT_EQ(f, (std::vector<float>{0.6f, 0.8f, 0, 0}));
  // int8 zp 2: (3, 4) -> 0.6, 0.8 in steps of 1/128: 77, 102.
  const std::vector<int8_t> q =
      run<int8_t>(tflite::BuiltinOperator_L2_NORMALIZATION, {1, 2}, {5, 6}, DataType::kInt8, {0.1f},
                  {2}, {1.0f / 128}, {0});
  EXPECT_NEAR(q[0], 77, 1);
  EXPECT_NEAR(q[1], 102, 1);
}

TEST(LogSoftmax, TracksFloat) {
  const std::vector<float> x = {1, 2, 3, 0.5f};
  const std::vector<float> y =
      run<float>(tflite::BuiltinOperator_LOG_SOFTMAX, {1, 4}, x, DataType::kFloat32);
  double sum = 0;
  for (float v : x) sum += std::exp(v - 3.0);
  for (size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(y[i], x[i] - 3.0 - std::log(sum), 1e-6);
  std::mt19937 rng(3);
  const float in_scale = 0.06f;
  for (int row = 0; row < 50; ++row) {
    const std::vector<int8_t> q = strata_test::random_int8(&rng, 10);
    const std::vector<int8_t> out =
        run<int8_t>(tflite::BuiltinOperator_LOG_SOFTMAX, {1, 10}, q, DataType::kInt8, {in_scale},
                    {0}, {16.0f / 256}, {127});
    const std::vector<float> fq = strata_test::dequantize_all(q, in_scale, 0);
    const std::vector<float> fy =
        run<float>(tflite::BuiltinOperator_LOG_SOFTMAX, {1, 10}, fq, DataType::kFloat32);
    for (int c = 0; c < 10; ++c) {
      ASSERT_LE(std::abs(out[c] - strata_test::quantize(fy[c], 16.0f / 256, 127)), 1) << c;
    }
  }
}

TEST(SoftmaxInt16, TracksFloat) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> dist(-32768, 32767);
  const float in_scale = 10.0f / 32768;
  for (int row = 0; row < 50; ++row) {
    std::vector<int16_t> q(12);
    for (int16_t& v : q) v = static_cast<int16_t>(dist(rng));
    const std::vector<int16_t> out =
        run<int16_t>(tflite::BuiltinOperator_SOFTMAX, {1, 12}, q, DataType::kInt16, {in_scale}, {0},
                     {1.0f / 32768}, {0});
    double max = -1e9;
    for (int16_t v : q) max = std::fmax(max, in_scale * v);
    double sum = 0;
    for (int16_t v : q) sum += std::exp(in_scale * v - max);
    for (int c = 0; c < 12; ++c) {
      ASSERT_NEAR(out[c] / 32768.0, std::exp(in_scale * q[c] - max) / sum, 2e-3) << c;
    }
  }
}

}  // namespace
}  // namespace kernels
}  // namespace strata
