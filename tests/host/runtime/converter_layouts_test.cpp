// What TensorFlow Lite's converter writes and TFLite Micro accepts, the loader accepts too (issue
// 16): int16 tensors without quantization (raw PCM input), INT4 constants packed two a byte, and
// int64 biases that are only 4-byte aligned (the 16x8 kernels read them unaligned). The layouts run
// end to end through the reference kernels.
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "test_model.hpp"

namespace {

using strata::Model;
using strata::Status;
using strata::StatusCode;
using strata_test::AlignedBytes;
using strata_test::TensorSpec;
using strata_test::TestModel;

template <typename T>
std::vector<uint8_t> Bytes(const std::vector<T>& values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(T));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

TensorSpec Quantized(std::vector<int32_t> shape, tflite::TensorType type, const std::string& name,
                     float scale, int64_t zero_point) {
  TensorSpec t(std::move(shape), type, name);
  t.scales = {scale};
  t.zero_points = {zero_point};
  return t;
}

// Loads `bytes` at `offset` bytes past an 8-byte boundary, prepares it with the reference kernels,
// sets input 0 and runs it.
struct Session {
  Session(const std::vector<uint8_t>& model_bytes, size_t offset, const void* input, size_t n)
      : bytes(model_bytes, offset), arena(2048) {
    status = Model::Load(bytes.data(), bytes.size(), &model);
    if (!status.ok()) return;
    interp = std::make_unique<strata::Interpreter>(model, strata::kernels::reference::registry(),
                                                   reinterpret_cast<uint8_t*>(arena.data()),
                                                   arena.size() * 8);
    status = interp->Prepare();
    if (!status.ok()) return;
    std::memcpy(interp->input(0).data, input, n);
    status = interp->Invoke();
  }
  template <typename T>
  T out(uint32_t i) const {
    return static_cast<const T*>(interp->output(0).data)[i];
  }
  AlignedBytes bytes;
  std::vector<uint64_t> arena;
  Model model;
  std::unique_ptr<strata::Interpreter> interp;
  Status status;
};

TEST(ConverterLayouts, Int16ActivationWithoutQuantizationLoads) {
  TestModel m;
  const int32_t pcm = m.AddTensor({{1, 160}, tflite::TensorType_INT16, "pcm"});
  const int32_t y = m.AddTensor({{1, 160}, tflite::TensorType_INT16, "y"});
  m.AddOp({tflite::BuiltinOperator_ABS, 1, {pcm}, {y}});
  m.SetInputs({pcm});
  m.SetOutputs({y});
  AlignedBytes bytes(m.Build());
  Model model;
  const Status s = Model::Load(bytes.data(), bytes.size(), &model);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(model.tensor(pcm).type, strata::DataType::kInt16);
  EXPECT_EQ(model.tensor(pcm).num_quant, 0u);
  // A kernel that needs the scale says so at prepare, naming the tensor.
  std::vector<uint64_t> arena(1024);
  strata::Interpreter interp(model, strata::kernels::reference::registry(),
                             reinterpret_cast<uint8_t*>(arena.data()), arena.size() * 8);
  const Status p = interp.Prepare();
  EXPECT_EQ(p.code(), StatusCode::kMalformedModel);
  EXPECT_NE(std::string(p.message()).find("input 'pcm' has no valid quantization scale"),
            std::string::npos)
      << p.message();
}

// y = FULLY_CONNECTED(x [1,4], w [2,4], b [2]) with scales x 0.5, w 0.25, b 0.125 and y 1.0 (a
// multiplier of 1/8); x and y have type `io`, w and b the given types and bytes.
TestModel FullyConnected(tflite::TensorType io, int64_t x_zero_point, tflite::TensorType w_type,
                         const std::vector<uint8_t>& w_bytes, tflite::TensorType b_type,
                         const std::vector<uint8_t>& b_bytes, int32_t version) {
  TestModel m;
  const int32_t x = m.AddTensor(Quantized({1, 4}, io, "x", 0.5f, x_zero_point));
  TensorSpec w = Quantized({2, 4}, w_type, "w", 0.25f, 0);
  w.data = w_bytes;
  const int32_t wi = m.AddTensor(w);
  TensorSpec b = Quantized({2}, b_type, "b", 0.125f, 0);
  b.data = b_bytes;
  const int32_t bi = m.AddTensor(b);
  const int32_t y = m.AddTensor(Quantized({1, 2}, io, "y", 1.0f, 0));
  m.AddOp({tflite::BuiltinOperator_FULLY_CONNECTED, version, {x, wi, bi}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  return m;
}

// int8 activations, int4 weights packed two a byte.
TestModel Int4FullyConnected(const std::vector<uint8_t>& packed) {
  return FullyConnected(tflite::TensorType_INT8, 1, tflite::TensorType_INT4, packed,
                        tflite::TensorType_INT32, Bytes<int32_t>({10, -10}), 10);
}

TEST(ConverterLayouts, Int4ConstantsLoadPackedAndRun) {
  // Rows [1, -2, 7, -8] and [0, 3, -1, 5], the even element in the low nibble.
  const std::vector<uint8_t> packed = {0xE1, 0x87, 0x30, 0x5F};
  const int8_t x[4] = {3, 5, -1, 1};  // minus the zero point 1: [2, 4, -2, 0]
  Session r(Int4FullyConnected(packed).Build(), 0, x, sizeof x);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const strata::TensorView w = r.model.tensor(1);
  EXPECT_EQ(w.type, strata::DataType::kInt4);
  EXPECT_EQ(w.elements, 8u);
  EXPECT_EQ(w.bytes, 4u);
  // (2 - 8 - 14 + 10) / 8 = -1.25 -> -1; (12 + 2 - 10) / 8 = 0.5 -> 1 (ties away from zero).
  EXPECT_EQ(r.out<int8_t>(0), -1);
  EXPECT_EQ(r.out<int8_t>(1), 1);
}

TEST(ConverterLayouts, Int4ByteSizeIsHalfTheElementsRoundedUp) {
  Session r(Int4FullyConnected({0xE1, 0x87, 0x30, 0x5F, 0, 0, 0, 0}).Build(), 0, "", 0);
  EXPECT_EQ(r.status.code(), StatusCode::kMalformedModel);
  EXPECT_NE(std::string(r.status.message()).find("buffer holds 8 bytes, shape [2,4] int4 needs 4"),
            std::string::npos)
      << r.status.message();
  TestModel m = Int4FullyConnected({0xE1, 0x87, 0x30, 0x5F});
  const int32_t odd = m.AddTensor({{3}, tflite::TensorType_INT4, "nibbles"});
  AlignedBytes bytes(m.Build());
  Model model;
  ASSERT_TRUE(Model::Load(bytes.data(), bytes.size(), &model).ok());
  EXPECT_EQ(model.tensor_bytes(odd), 2u);
}

// int16 activations, int8 weights and an int64 bias (16x8).
TestModel FullyConnected16x8() {
  return FullyConnected(tflite::TensorType_INT16, 0, tflite::TensorType_INT8,
                        Bytes<int8_t>({1, 2, 3, 4, -1, 0, 1, -2}), tflite::TensorType_INT64,
                        Bytes<int64_t>({1000, -7}), 4);
}

TEST(ConverterLayouts, Int64BiasOnlyFourByteAligned) {
  const std::vector<uint8_t> model = FullyConnected16x8().Build();
  const int16_t x[4] = {100, -200, 300, 400};
  for (size_t offset : {0u, 4u}) {
    Session r(model, offset, x, sizeof x);
    ASSERT_TRUE(r.status.ok()) << "offset " << offset << ": " << r.status.message();
    const uintptr_t bias = reinterpret_cast<uintptr_t>(r.model.tensor(2).data);
    EXPECT_EQ(bias % 8, offset) << "the test must place the bias " << offset << " bytes off";
    // (2200 + 1000) / 8 = 400; (-600 - 7) / 8 = -75.875 -> -76.
    EXPECT_EQ(r.out<int16_t>(0), 400);
    EXPECT_EQ(r.out<int16_t>(1), -76);
  }
}

}  // namespace
