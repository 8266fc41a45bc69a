// The binary element-wise kernels where Strata defines what TFLite leaves undefined or refuses, and
// where TFLite's own rules differ between ops (the op suite covers the ordinary values):
// division by zero, int32 activations, the inputs they must refuse.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "kernel_harness.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

template <typename T>
void fill(FakeTensor* t, const std::vector<T>& values) {
  ASSERT_EQ(t->storage.size(), values.size() * sizeof(T));
  std::memcpy(t->storage.data(), values.data(), t->storage.size());
}

template <typename T>
std::vector<T> values(const FakeTensor& t) {
  std::vector<T> v(t.storage.size() / sizeof(T));
  std::memcpy(v.data(), t.storage.data(), t.storage.size());
  return v;
}

// An operator whose builtin options carry only a fused activation (Add, Sub, Div).
flatbuffers::DetachedBuffer with_activation(tflite::BuiltinOptions type,
                                            tflite::ActivationFunctionType act) {
  flatbuffers::FlatBufferBuilder fbb;
  flatbuffers::Offset<void> options;
  if (type == tflite::BuiltinOptions_AddOptions) {
    options = tflite::CreateAddOptions(fbb, act).Union();
  } else if (type == tflite::BuiltinOptions_SubOptions) {
    options = tflite::CreateSubOptions(fbb, act).Union();
  } else {
    options = tflite::CreateDivOptions(fbb, act).Union();
  }
  fbb.Finish(tflite::CreateOperator(fbb, 0, 0, 0, type, options));
  return fbb.Release();
}

const tflite::Operator* root(const flatbuffers::DetachedBuffer& b) {
  return flatbuffers::GetRoot<tflite::Operator>(b.data());
}

TEST(BinaryOps, Int32DivisionByZeroAndOverflowAreDefined) {
  const auto op =
      with_activation(tflite::BuiltinOptions_DivOptions, tflite::ActivationFunctionType_NONE);
  FakeTensor a(DataType::kInt32, {4}), b(DataType::kInt32, {4}, {}, {}, 1);
  FakeTensor out(DataType::kInt32, {4}, {}, {}, 2);
  fill<int32_t>(&a, {7, -7, 5, INT32_MIN});
  fill<int32_t>(&b, {2, 2, 0, -1});
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_DIV, root(op), {&a, &b}, {&out}).ok());
  // Truncation toward zero; x / 0 = 0 and INT32_MIN / -1 = INT32_MIN, as the Cortex-M SDIV.
  EXPECT_EQ(values<int32_t>(out), (std::vector<int32_t>{3, -3, 0, INT32_MIN}));
}

TEST(BinaryOps, Int8DivisorAtItsZeroPointSaturates) {
  const auto op =
      with_activation(tflite::BuiltinOptions_DivOptions, tflite::ActivationFunctionType_NONE);
  FakeTensor a(DataType::kInt8, {4}, {0.5f}, {0}), b(DataType::kInt8, {4}, {0.5f}, {3}, 1);
  FakeTensor out(DataType::kInt8, {4}, {0.25f}, {-5}, 2);
  fill<int8_t>(&a, {10, -10, 0, 8});
  fill<int8_t>(&b, {3, 3, 3, 7});  // the divisor's real value is 0 three times, then 2
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_DIV, root(op), {&a, &b}, {&out}).ok());
  // 4 / 2 = 2 -> 2 / 0.25 - 5 = 3.
  EXPECT_EQ(values<int8_t>(out), (std::vector<int8_t>{127, -128, -5, 3}));
}

TEST(BinaryOps, Int32AddIgnoresTheActivationSubAndMulApplyIt) {
  // TFLite's int32 ADD runs without clamping; its SUB and MUL clamp to the fused activation.
  FakeTensor a(DataType::kInt32, {2}), b(DataType::kInt32, {2}, {}, {}, 1);
  FakeTensor out(DataType::kInt32, {2}, {}, {}, 2);
  fill<int32_t>(&a, {-5, 9});
  fill<int32_t>(&b, {1, 1});
  const auto add =
      with_activation(tflite::BuiltinOptions_AddOptions, tflite::ActivationFunctionType_RELU6);
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_ADD, root(add), {&a, &b}, {&out}).ok());
  EXPECT_EQ(values<int32_t>(out), (std::vector<int32_t>{-4, 10}));
  const auto sub =
      with_activation(tflite::BuiltinOptions_SubOptions, tflite::ActivationFunctionType_RELU6);
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_SUB, root(sub), {&a, &b}, {&out}).ok());
  EXPECT_EQ(values<int32_t>(out), (std::vector<int32_t>{0, 6}));
}

TEST(BinaryOps, Int8AddNKeepsTFLitesZeroPointBias) {
  // TFLite starts the int8 sum from the rescaled -zero point: with zero point 10 and scale 0.5,
  // 1 + 2 comes out as 1 + 2 - 5 = -2, i.e. -4 at output scale 0.5 (the op suite's ADD_N inputs
  // all have zero point 0, where the bias vanishes).
  FakeTensor a(DataType::kInt8, {1}, {0.5f}, {10}), b(DataType::kInt8, {1}, {0.5f}, {10}, 1);
  FakeTensor out(DataType::kInt8, {1}, {0.5f}, {0}, 2);
  fill<int8_t>(&a, {12});
  fill<int8_t>(&b, {14});
  ASSERT_TRUE(run_reference(tflite::BuiltinOperator_ADD_N, nullptr, {&a, &b}, {&out}).ok());
  EXPECT_EQ(values<int8_t>(out)[0], -4);
}

TEST(BinaryOps, RefuseWhatTFLiteRefuses) {
  const auto none =
      with_activation(tflite::BuiltinOptions_AddOptions, tflite::ActivationFunctionType_NONE);
  // Quantized int32 ADD operands.
  FakeTensor q(DataType::kInt32, {2}, {0.5f}, {0}), p(DataType::kInt32, {2}, {}, {}, 1);
  FakeTensor out32(DataType::kInt32, {2}, {}, {}, 2);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_ADD, root(none), {&q, &p}, {&out32}).code(),
            StatusCode::kUnsupported);
  // An output that is not the broadcast shape.
  FakeTensor a(DataType::kFloat32, {2, 3}), b(DataType::kFloat32, {3}, {}, {}, 1);
  FakeTensor wide(DataType::kFloat32, {3, 3}, {}, {}, 2);
  const Status s = run_reference(tflite::BuiltinOperator_ADD, root(none), {&a, &b}, {&wide});
  EXPECT_EQ(s.code(), StatusCode::kMalformedModel);
  EXPECT_NE(std::strstr(s.message(), "broadcasting its inputs gives 2"), nullptr) << s.message();
  // int8 comparisons rescale each input by its scale, which must be below 1.
  FakeTensor big(DataType::kInt8, {2}, {1.5f}, {0}), small(DataType::kInt8, {2}, {0.5f}, {0}, 1);
  FakeTensor flags(DataType::kBool, {2}, {}, {}, 2);
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_LESS, nullptr, {&big, &small}, {&flags}).code(),
            StatusCode::kUnsupported);
  // A constant FLOOR_DIV divisor with a zero.
  FakeTensor x(DataType::kFloat32, {2}), zero(DataType::kFloat32, {2}, {}, {}, 1);
  FakeTensor y(DataType::kFloat32, {2}, {}, {}, 2);
  zero.view.is_constant = true;
  fill<float>(&zero, {2.0f, 0.0f});
  EXPECT_EQ(run_reference(tflite::BuiltinOperator_FLOOR_DIV, nullptr, {&x, &zero}, {&y}).code(),
            StatusCode::kMalformedModel);
}

TEST(BinaryOps, BroadcastToNeedsAConstantShapeMatchingTheOutput) {
  FakeTensor in(DataType::kInt8, {3, 1}), shape(DataType::kInt64, {3}, {}, {}, 1);
  FakeTensor out(DataType::kInt8, {2, 3, 4}, {}, {}, 2);
  fill<int64_t>(&shape, {2, 3, 4});
  fill<int8_t>(&in, {1, 2, 3});
  EXPECT_EQ(
      run_reference(tflite::BuiltinOperator_BROADCAST_TO, nullptr, {&in, &shape}, {&out}).code(),
      StatusCode::kUnsupported);  // not constant
  shape.view.is_constant = true;
  ASSERT_TRUE(
      run_reference(tflite::BuiltinOperator_BROADCAST_TO, nullptr, {&in, &shape}, {&out}).ok());
  EXPECT_EQ(values<int8_t>(out)[4], 2);
  EXPECT_EQ(values<int8_t>(out)[23], 3);
  fill<int64_t>(&shape, {2, 3, 5});
  EXPECT_EQ(
      run_reference(tflite::BuiltinOperator_BROADCAST_TO, nullptr, {&in, &shape}, {&out}).code(),
      StatusCode::kMalformedModel);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
