// Element-wise activations through the kernel API (RELU, RELU6, LOGISTIC, TANH, LEAKY_RELU, ELU,
// HARD_SWISH, PRELU): hand-checkable values, and quantized kernels against their float function
// over every input value. Bit-exactness with TFLM is the op suite's job (tests/ops).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "kernel_harness.hpp"
#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace {

using tflite::BuiltinOperator;

// Runs a one-input op whose output has the input's shape and type.
template <typename T>
std::vector<T> run_unary(BuiltinOperator code, const std::vector<T>& in, DataType type,
                         std::vector<float> in_scale = {}, std::vector<int64_t> in_zp = {},
                         std::vector<float> out_scale = {}, std::vector<int64_t> out_zp = {},
                         const tflite::Operator* op = nullptr) {
  FakeTensor x(type, {static_cast<int32_t>(in.size())}, in_scale, in_zp);
  FakeTensor y(type, {static_cast<int32_t>(in.size())}, out_scale, out_zp, 1);
  set_values(&x, in);
  const Status s = run_reference(code, op, {&x}, {&y});
  EXPECT_TRUE(s.ok()) << s.message();
  return values_of<T>(y);
}

std::vector<int8_t> all_int8() {
  std::vector<int8_t> v;
  for (int q = -128; q <= 127; ++q) v.push_back(static_cast<int8_t>(q));
  return v;
}

// Every int8 output within `tolerance` steps of the float function on the dequantized input.
void expect_int8_tracks(BuiltinOperator code, const std::function<float(float)>& f, float in_scale,
                        int in_zp, float out_scale, int out_zp, int tolerance,
                        const tflite::Operator* op = nullptr) {
  const std::vector<int8_t> in = all_int8();
  const std::vector<int8_t> out =
      run_unary<int8_t>(code, in, DataType::kInt8, {in_scale}, {in_zp}, {out_scale}, {out_zp}, op);
  for (size_t i = 0; i < in.size(); ++i) {
    const float x = in_scale * (in[i] - in_zp);
    ASSERT_LE(std::abs(out[i] - strata_test::quantize(f(x), out_scale, out_zp)), tolerance)
        << "x=" << x;
  }
}

flatbuffers::DetachedBuffer leaky_relu_operator(float alpha) {
  flatbuffers::FlatBufferBuilder fbb;
  auto opts = tflite::CreateLeakyReluOptions(fbb, alpha);
  fbb.Finish(
      tflite::CreateOperator(fbb, 0, 0, 0, tflite::BuiltinOptions_LeakyReluOptions, opts.Union()));
  return fbb.Release();
}

TEST(Activations, FloatHandValues) {
  const std::vector<float> in = {-2.0f, 0.0f, 3.0f, 8.0f};
  const DataType f32 = DataType::kFloat32;
  EXPECT_EQ(run_unary(tflite::BuiltinOperator_RELU, in, f32), (std::vector<float>{0, 0, 3, 8}));
  EXPECT_EQ(run_unary(tflite::BuiltinOperator_RELU6, in, f32), (std::vector<float>{0, 0, 3, 6}));
  const std::vector<float> sig = run_unary(tflite::BuiltinOperator_LOGISTIC, in, f32);
  EXPECT_FLOAT_EQ(sig[1], 0.5f);
  EXPECT_NEAR(sig[0], 1.0f / (1.0f + std::exp(2.0f)), 1e-7);
  const std::vector<float> th = run_unary(tflite::BuiltinOperator_TANH, in, f32);
  EXPECT_FLOAT_EQ(th[1], 0.0f);
  EXPECT_NEAR(th[2], std::tanh(3.0f), 1e-7);
  const std::vector<float> elu = run_unary(tflite::BuiltinOperator_ELU, in, f32);
  EXPECT_NEAR(elu[0], std::expm1(-2.0f), 1e-7);
  EXPECT_EQ(elu[3], 8.0f);
  // x * relu6(x + 3) / 6: -2 -> -1/3, 3 -> 3, 8 -> 8.
  const std::vector<float> hs = run_unary(tflite::BuiltinOperator_HARD_SWISH, in, f32);
  EXPECT_NEAR(hs[0], -1.0f / 3, 1e-6);
  EXPECT_EQ(hs[2], 3.0f);
  EXPECT_EQ(hs[3], 8.0f);
  auto op = leaky_relu_operator(0.25f);
  const std::vector<float> lr = run_unary(tflite::BuiltinOperator_LEAKY_RELU, in, f32, {}, {}, {},
                                          {}, flatbuffers::GetRoot<tflite::Operator>(op.data()));
  EXPECT_EQ(lr, (std::vector<float>{-0.5f, 0, 3, 8}));
}

TEST(Activations, ReluInt8Requantizes) {
  // in scale 0.5 zp -10, out scale 0.25 zp -128: out = 2 (q + 10) - 128, at least q(0) = -128.
  const std::vector<int8_t> out =
      run_unary<int8_t>(tflite::BuiltinOperator_RELU, {-20, -10, 40}, DataType::kInt8, {0.5f},
                        {-10}, {0.25f}, {-128});
  EXPECT_EQ(out, (std::vector<int8_t>{-128, -128, -28}));
}

TEST(Activations, ReluInt16RequantizesAndClampsAtZero) {
  // Scale 1/1024 -> 1/2048: positive values double (saturating), negative ones become 0.
  const std::vector<int16_t> out =
      run_unary<int16_t>(tflite::BuiltinOperator_RELU, {-300, 0, 100, 20000}, DataType::kInt16,
                         {1.0f / 1024}, {0}, {1.0f / 2048}, {0});
  EXPECT_EQ(out, (std::vector<int16_t>{0, 0, 200, 32767}));
}

TEST(Activations, Relu6ClampsInInputDomain) {
  // int8 scale 0.1 zp 5: 0 -> 5, 6 -> 65. int16 scale 1/1000: 6 -> 6000.
  EXPECT_EQ(run_unary<int8_t>(tflite::BuiltinOperator_RELU6, {-50, 5, 40, 100}, DataType::kInt8,
                              {0.1f}, {5}, {0.1f}, {5}),
            (std::vector<int8_t>{5, 5, 40, 65}));
  EXPECT_EQ(run_unary<int16_t>(tflite::BuiltinOperator_RELU6, {-7, 1234, 7000}, DataType::kInt16,
                               {0.001f}, {0}, {0.001f}, {0}),
            (std::vector<int16_t>{0, 1234, 6000}));
}

TEST(Activations, Relu6RejectsRescaling) {
  FakeTensor x(DataType::kInt8, {4}, {0.1f}, {0});
  FakeTensor y(DataType::kInt8, {4}, {0.2f}, {0}, 1);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_RELU6, nullptr, {&x}, {&y}).code(),
            StatusCode::kUnsupported);
}

TEST(Activations, LogisticAndTanhInt8TrackFloat) {
  expect_int8_tracks(
      tflite::BuiltinOperator_LOGISTIC, [](float x) { return 1.0f / (1.0f + std::exp(-x)); }, 0.1f,
      3, 1.0f / 256, -128, 1);
  expect_int8_tracks(
      tflite::BuiltinOperator_TANH, [](float x) { return std::tanh(x); }, 0.05f, -10, 1.0f / 128, 0,
      1);
}

// int16 LOGISTIC and TANH over the whole int16 range, against the float function, for a
// power-of-two input scale (TFLite's exact path) and a general one.
TEST(Activations, LogisticAndTanhInt16TrackFloat) {
  std::vector<int16_t> in;
  for (int q = -32768; q <= 32767; q += 7) in.push_back(static_cast<int16_t>(q));
  for (float scale : {1.0f / 4096, 6.0f / 32767}) {
    const std::vector<int16_t> sig = run_unary<int16_t>(
        tflite::BuiltinOperator_LOGISTIC, in, DataType::kInt16, {scale}, {0}, {1.0f / 32768}, {0});
    const std::vector<int16_t> th = run_unary<int16_t>(
        tflite::BuiltinOperator_TANH, in, DataType::kInt16, {scale}, {0}, {1.0f / 32768}, {0});
    for (size_t i = 0; i < in.size(); ++i) {
      const double x = static_cast<double>(scale) * in[i];
      ASSERT_NEAR(sig[i] / 32768.0, 1.0 / (1.0 + std::exp(-x)), 3e-4) << x;
      ASSERT_NEAR(th[i] / 32768.0, std::tanh(x), 6e-4) << x;
    }
  }
}

TEST(Activations, Int16LogisticNeedsOutputScale2PowMinus15) {
  FakeTensor x(DataType::kInt16, {4}, {1.0f / 4096}, {0});
  FakeTensor y(DataType::kInt16, {4}, {1.0f / 1000}, {0}, 1);
  const Status s = run_reference(tflite::BuiltinOperator_LOGISTIC, nullptr, {&x}, {&y});
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::strstr(s.message(), "2^-15"), nullptr) << s.message();
}

TEST(Activations, LeakyReluQuantizedTracksFloat) {
  for (float alpha : {0.2f, 1.5f, -0.5f}) {
    auto op = leaky_relu_operator(alpha);
    expect_int8_tracks(
        tflite::BuiltinOperator_LEAKY_RELU, [alpha](float x) { return x > 0 ? x : alpha * x; },
        0.05f, 7, 0.06f, -20, 1, flatbuffers::GetRoot<tflite::Operator>(op.data()));
  }
  auto op = leaky_relu_operator(0.1f);
  const std::vector<int16_t> out = run_unary<int16_t>(
      tflite::BuiltinOperator_LEAKY_RELU, {-1000, 0, 1000}, DataType::kInt16, {0.01f}, {0}, {0.01f},
      {0}, flatbuffers::GetRoot<tflite::Operator>(op.data()));
  EXPECT_EQ(out, (std::vector<int16_t>{-100, 0, 1000}));
}

TEST(Activations, EluAndHardSwishInt8TrackFloat) {
  expect_int8_tracks(
      tflite::BuiltinOperator_ELU, [](float x) { return x < 0 ? std::expm1(x) : x; }, 0.03f, 10,
      0.025f, -80, 1);
  expect_int8_tracks(
      tflite::BuiltinOperator_HARD_SWISH,
      [](float x) { return x * std::fmin(6.0f, std::fmax(0.0f, x + 3)) / 6; }, 0.04f, 0, 0.02f,
      -110, 1);
}

TEST(Activations, PreluBroadcastsAlpha) {
  // [2, 3] input, alpha [3] per channel: negatives scaled by their channel's alpha.
  FakeTensor x(DataType::kFloat32, {2, 3});
  FakeTensor alpha(DataType::kFloat32, {3}, {}, {}, 1);
  FakeTensor y(DataType::kFloat32, {2, 3}, {}, {}, 2);
  set_values<float>(&x, {-1, 2, -3, 4, -5, -6});
  set_values<float>(&alpha, {0.5f, 0.25f, 2.0f});
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_PRELU, nullptr, {&x, &alpha}, {&y}).ok());
  EXPECT_EQ(values_of<float>(y), (std::vector<float>{-0.5f, 2, -6, 4, -1.25f, -12}));
  // int8: scale 0.5 zp 0, alpha scale 1/64 zp 0 (alpha 0.5, 0.25, 2), output scale 0.25.
  FakeTensor qx(DataType::kInt8, {2, 3}, {0.5f}, {0});
  FakeTensor qa(DataType::kInt8, {3}, {1.0f / 64}, {0}, 1);
  FakeTensor qy(DataType::kInt8, {2, 3}, {0.25f}, {0}, 2);
  set_values<int8_t>(&qx, {-2, 4, -6, 8, -10, -12});
  set_values<int8_t>(&qa, {32, 16, 127});
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_PRELU, nullptr, {&qx, &qa}, {&qy}).ok());
  EXPECT_EQ(values_of<int8_t>(qy), (std::vector<int8_t>{-2, 8, -24, 16, -5, -48}));
  FakeTensor wrong(DataType::kFloat32, {2, 4}, {}, {}, 1);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_PRELU, nullptr, {&x, &wrong}, {&y}).code(),
            StatusCode::kMalformedModel);  // [2,3] and [2,4] do not broadcast
}

}  // namespace
}  // namespace kernels
}  // namespace strata
