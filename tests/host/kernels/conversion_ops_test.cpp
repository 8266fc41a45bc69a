// QUANTIZE, DEQUANTIZE, CAST and ZEROS_LIKE through the kernel API: rounding, saturation, the type
// pairs each accepts and what each refuses.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kernel_harness.hpp"

namespace strata {
namespace kernels {
namespace {

template <typename In, typename Out>
std::vector<Out> convert(tflite::BuiltinOperator code, DataType in_type, const std::vector<In>& in,
                         DataType out_type, std::vector<float> in_scale = {},
                         std::vector<int64_t> in_zp = {}, std::vector<float> out_scale = {},
                         std::vector<int64_t> out_zp = {}) {
  const int32_t n = static_cast<int32_t>(in.size());
  FakeTensor x(in_type, {n}, in_scale, in_zp);
  FakeTensor y(out_type, {n}, out_scale, out_zp, 1);
  set_values(&x, in);
  const Status s = run_reference(code, nullptr, {&x}, {&y});
  EXPECT_TRUE(s.ok()) << s.message();
  return values_of<Out>(y);
}

Status prepare_pair(tflite::BuiltinOperator code, DataType in_type, DataType out_type) {
  FakeTensor x(in_type, {2}, {0.5f}, {0});
  FakeTensor y(out_type, {2}, {0.5f}, {0}, 1);
  return run_reference(code, nullptr, {&x}, {&y});
}

TEST(Quantize, FloatRoundsHalfAwayAndSaturates) {
  // scale 0.5 zp -3: 1.25 / 0.5 = 2.5 -> 3 -> 0; -0.25 -> -0.5 -> -1 -> -4; +-1000 saturate.
  const std::vector<float> in = {1.25f, -0.25f, 1000.0f, -1000.0f};
  EXPECT_EQ((convert<float, int8_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kFloat32, in,
                                    DataType::kInt8, {}, {}, {0.5f}, {-3})),
            (std::vector<int8_t>{0, -4, 127, -128}));
  EXPECT_EQ((convert<float, int16_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kFloat32, in,
                                     DataType::kInt16, {}, {}, {0.01f}, {0})),
            (std::vector<int16_t>{125, -25, 32767, -32768}));
}

TEST(Quantize, RequantizesBetweenIntegerTypes) {
  // int8 scale 1 zp 10 -> scale 2 zp -5: (q - 10) / 2 - 5, the high multiply rounding -1.5 to -1.
  EXPECT_EQ((convert<int8_t, int8_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kInt8, {10, 13, 7},
                                     DataType::kInt8, {1.0f}, {10}, {2.0f}, {-5})),
            (std::vector<int8_t>{-5, -3, -6}));
  // int8 -> uint8 with the same scale: a shift of the zero point by 128.
  EXPECT_EQ(
      (convert<int8_t, uint8_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kInt8, {-128, 0, 127},
                                DataType::kUInt8, {0.1f}, {0}, {0.1f}, {128})),
      (std::vector<uint8_t>{0, 128, 255}));
  // int16 scale 1/256 -> int32 scale 1/1024: times 4, no saturation.
  EXPECT_EQ((convert<int16_t, int32_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kInt16,
                                       {-32768, 5, 32767}, DataType::kInt32, {1.0f / 256}, {0},
                                       {1.0f / 1024}, {0})),
            (std::vector<int32_t>{-131072, 20, 131068}));
  // int32 -> int16 saturates.
  EXPECT_EQ((convert<int32_t, int16_t>(tflite::BuiltinOperator_QUANTIZE, DataType::kInt32,
                                       {-100000, 1000, 100000}, DataType::kInt16, {1.0f}, {0},
                                       {1.0f}, {0})),
            (std::vector<int16_t>{-32768, 1000, 32767}));
}

TEST(Quantize, AcceptsTfliteMicroPairsOnly) {
  EXPECT_TRUE(
      prepare_pair(tflite::BuiltinOperator_QUANTIZE, DataType::kUInt8, DataType::kInt8).ok());
  for (auto pair : {std::make_pair(DataType::kFloat32, DataType::kUInt8),
                    std::make_pair(DataType::kUInt8, DataType::kInt16),
                    std::make_pair(DataType::kInt32, DataType::kInt32)}) {
    const Status s = prepare_pair(tflite::BuiltinOperator_QUANTIZE, pair.first, pair.second);
    EXPECT_EQ(s.code(), StatusCode::kUnsupported) << DataTypeName(pair.first);
    EXPECT_NE(std::strstr(s.message(), "is not supported"), nullptr) << s.message();
  }
}

TEST(Dequantize, ScalesOffsetValues) {
  EXPECT_EQ((convert<int8_t, float>(tflite::BuiltinOperator_DEQUANTIZE, DataType::kInt8,
                                    {-128, 0, 127}, DataType::kFloat32, {0.25f}, {-2})),
            (std::vector<float>{-31.5f, 0.5f, 32.25f}));
  EXPECT_EQ((convert<uint8_t, float>(tflite::BuiltinOperator_DEQUANTIZE, DataType::kUInt8,
                                     {0, 128, 255}, DataType::kFloat32, {0.5f}, {128})),
            (std::vector<float>{-64.0f, 0.0f, 63.5f}));
  EXPECT_EQ((convert<int16_t, float>(tflite::BuiltinOperator_DEQUANTIZE, DataType::kInt16,
                                     {-32768, 3, 32767}, DataType::kFloat32, {1.0f / 32768}, {0})),
            (std::vector<float>{-1.0f, 3.0f / 32768, 32767.0f / 32768}));
}

TEST(Cast, ConvertsLikeCppAndSaturatesWhereCppIsUndefined) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ((convert<float, int8_t>(tflite::BuiltinOperator_CAST, DataType::kFloat32,
                                    {-1.9f, 2.9f, 300.0f, -300.0f, nan}, DataType::kInt8)),
            (std::vector<int8_t>{-1, 2, 127, -128, 0}));
  EXPECT_EQ((convert<float, uint32_t>(tflite::BuiltinOperator_CAST, DataType::kFloat32,
                                      {-5.0f, 7.5f, 1e10f}, DataType::kUInt32)),
            (std::vector<uint32_t>{0, 7, 4294967295u}));
  // Integer narrowing wraps; uint32 reinterprets the two's complement.
  EXPECT_EQ((convert<int32_t, int8_t>(tflite::BuiltinOperator_CAST, DataType::kInt32, {300, -129},
                                      DataType::kInt8)),
            (std::vector<int8_t>{44, 127}));
  EXPECT_EQ((convert<int32_t, uint32_t>(tflite::BuiltinOperator_CAST, DataType::kInt32, {-1, 5},
                                        DataType::kUInt32)),
            (std::vector<uint32_t>{4294967295u, 5}));
  EXPECT_EQ((convert<uint32_t, float>(tflite::BuiltinOperator_CAST, DataType::kUInt32,
                                      {4294967295u, 3}, DataType::kFloat32)),
            (std::vector<float>{4294967296.0f, 3.0f}));
  // Any non-zero bool byte is true.
  EXPECT_EQ((convert<uint8_t, int32_t>(tflite::BuiltinOperator_CAST, DataType::kBool, {0, 1, 7},
                                       DataType::kInt32)),
            (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ(prepare_pair(tflite::BuiltinOperator_CAST, DataType::kInt8, DataType::kBool).code(),
            StatusCode::kUnsupported);
  EXPECT_EQ(prepare_pair(tflite::BuiltinOperator_CAST, DataType::kInt64, DataType::kInt32).code(),
            StatusCode::kUnsupported);
}

TEST(ZerosLike, WritesRawZeros) {
  // int8 zeros are raw zeros, not the zero point.
  EXPECT_EQ((convert<int8_t, int8_t>(tflite::BuiltinOperator_ZEROS_LIKE, DataType::kInt8, {5, -7},
                                     DataType::kInt8, {0.1f}, {3}, {0.1f}, {3})),
            (std::vector<int8_t>{0, 0}));
  FakeTensor x(DataType::kInt64, {3});
  FakeTensor y(DataType::kInt64, {3}, {}, {}, 1);
  std::memset(y.storage.data(), 0xAB, y.storage.size());
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_ZEROS_LIKE, nullptr, {&x}, {&y}).ok());
  EXPECT_EQ(values_of<int64_t>(y), (std::vector<int64_t>{0, 0, 0}));
  EXPECT_EQ(
      prepare_pair(tflite::BuiltinOperator_ZEROS_LIKE, DataType::kInt16, DataType::kInt16).code(),
      StatusCode::kUnsupported);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
