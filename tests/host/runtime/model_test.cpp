// Model::Load: every malformed input gives the exact status code and a message naming what is
// wrong; random corruption never crashes (run under ASan/UBSan in the sanitizer build).
#include "strata/model.hpp"

#include <random>
#include <string>

#include "gtest/gtest.h"
#include "test_model.hpp"

namespace {

using strata::Model;
using strata::Status;
using strata::StatusCode;
using strata_test::AlignedBytes;
using strata_test::OpSpec;
using strata_test::TensorSpec;
using strata_test::TestModel;

// x + c -> y, with c a float constant.
TestModel AddModel() {
  TestModel m;
  const int32_t x = m.AddFloat({1, 4}, {}, "x");
  const int32_t c = m.AddFloat({1, 4}, {1, 2, 3, 4}, "c");
  const int32_t y = m.AddFloat({1, 4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, c}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  return m;
}

// Loads a copy of `bytes`; the copy dies on return, so only the status may be used.
Status Load(const std::vector<uint8_t>& bytes) {
  AlignedBytes aligned(bytes);
  Model model;
  return Model::Load(aligned.data(), aligned.size(), &model);
}

void ExpectError(const Status& s, StatusCode code, const std::string& text) {
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(std::string(s.message()).find(text), std::string::npos)
      << "message: '" << s.message() << "' lacks '" << text << "'";
}

TEST(ModelLoad, ValidModelLoads) {
  AlignedBytes bytes(AddModel().Build());
  Model model;
  ASSERT_TRUE(Model::Load(bytes.data(), bytes.size(), &model).ok());
  EXPECT_EQ(model.num_tensors(), 3u);
  EXPECT_EQ(model.num_operators(), 1u);
  EXPECT_EQ(model.op_code(0), tflite::BuiltinOperator_ADD);
  const strata::TensorView c = model.tensor(1);
  EXPECT_TRUE(c.is_constant);
  EXPECT_STREQ(c.name, "c");
  EXPECT_EQ(c.bytes, 16u);
  EXPECT_EQ(static_cast<const float*>(c.data)[3], 4.0f);
  EXPECT_FALSE(model.tensor(0).is_constant);
  EXPECT_FALSE(model.tensor(7).present());
}

TEST(ModelLoad, NullAndMisalignedData) {
  Model model;
  ExpectError(Model::Load(nullptr, 100, &model), StatusCode::kInvalidArgument, "null");
  AlignedBytes shifted(AddModel().Build(), 1);
  ExpectError(Model::Load(shifted.data(), shifted.size(), &model), StatusCode::kInvalidArgument,
              "4-byte aligned");
}

TEST(ModelLoad, TruncatedFiles) {
  const std::vector<uint8_t> full = AddModel().Build();
  ExpectError(Load({full.begin(), full.begin() + 4}), StatusCode::kMalformedModel, "too small");
  ExpectError(Load({full.begin(), full.begin() + full.size() / 2}), StatusCode::kMalformedModel,
              "verification failed");
  ExpectError(Load({full.begin(), full.end() - 1}), StatusCode::kMalformedModel,
              "verification failed");
}

TEST(ModelLoad, WrongIdentifier) {
  std::vector<uint8_t> bytes = AddModel().Build();
  bytes[4] = 'X';
  bytes[7] = 'Z';
  ExpectError(Load(bytes), StatusCode::kMalformedModel,
              "file identifier is 'XFLZ', expected 'TFL3'");
}

TEST(ModelLoad, SchemaVersionAndSubgraphs) {
  TestModel m = AddModel();
  m.set_version(2);
  ExpectError(Load(m.Build()), StatusCode::kUnsupported, "schema version is 2, expected 3");
  TestModel empty = AddModel();
  empty.set_omit_subgraphs(true);
  ExpectError(Load(empty.Build()), StatusCode::kMalformedModel, "no subgraph");
}

TEST(ModelLoad, OperatorTensorIndexOutOfRange) {
  TestModel m = AddModel();
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {0, 9}, {2}});
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "operator 1 (ADD): input 1 refers to tensor 9 (model has 3 tensors)");
  TestModel neg = AddModel();
  neg.AddOp({tflite::BuiltinOperator_ADD, 1, {0, 1}, {-1}});
  ExpectError(Load(neg.Build()), StatusCode::kMalformedModel, "output 0 refers to tensor -1");
}

TEST(ModelLoad, OptionalInputMinusOneIsAccepted) {
  TestModel m = AddModel();
  m.AddOp({tflite::BuiltinOperator_PAD, 1, {2, -1}, {0}});
  EXPECT_TRUE(Load(m.Build()).ok());
}

TEST(ModelLoad, SubgraphInputOutputOutOfRange) {
  TestModel m = AddModel();
  m.SetInputs({5});
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "subgraph input 0 refers to tensor 5 (model has 3 tensors)");
  TestModel out = AddModel();
  out.SetOutputs({2, -3});
  ExpectError(Load(out.Build()), StatusCode::kMalformedModel,
              "subgraph output 1 refers to tensor -3");
  TestModel constant_input = AddModel();
  constant_input.SetInputs({1});
  ExpectError(Load(constant_input.Build()), StatusCode::kMalformedModel,
              "subgraph input 0 (tensor 1 c) has constant data");
}

TEST(ModelLoad, OpcodeIndexAndVersion) {
  TestModel m = AddModel();
  OpSpec op{tflite::BuiltinOperator_ADD, 1, {0, 1}, {2}};
  op.opcode_override = 5;
  m.AddOp(op);
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "operator 1: opcode index 5 out of range (model has 2 operator codes)");
  TestModel v = AddModel();
  v.AddOp({tflite::BuiltinOperator_ADD, 0, {0, 1}, {2}});
  ExpectError(Load(v.Build()), StatusCode::kMalformedModel, "operator code 1 has version 0");
}

TEST(ModelLoad, OpWritingAConstant) {
  TestModel m = AddModel();
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {0, 2}, {1}});
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "operator 1 (ADD): output 0 (tensor 1 c) has constant data");
}

TEST(ModelLoad, BufferIndexOutOfRange) {
  TestModel m = AddModel();
  TensorSpec t;
  t.shape = {2};
  t.name = "w";
  t.buffer_override = 7;
  m.AddTensor(t);
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "tensor 3 (w): buffer index 7 out of range (model has 2 buffers)");
}

TEST(ModelLoad, ShapeAndBufferSizeMismatch) {
  TestModel m = AddModel();
  TensorSpec t;
  t.shape = {8, 3, 3, 1};
  t.type = tflite::TensorType_INT8;
  t.name = "conv1/weights";
  t.data.assign(120, 1);
  t.scales = {0.5f};
  t.zero_points = {0};
  m.AddTensor(t);
  ExpectError(Load(m.Build()), StatusCode::kMalformedModel,
              "tensor 3 (conv1/weights): buffer holds 120 bytes, shape [8,3,3,1] int8 needs 72");
}

TEST(ModelLoad, NegativeAndHugeDimensions) {
  TestModel neg = AddModel();
  neg.AddTensor({{2, -3}, tflite::TensorType_FLOAT32, "bad"});
  ExpectError(Load(neg.Build()), StatusCode::kMalformedModel, "tensor 3 (bad): dimension 1 is -3");
  TestModel huge = AddModel();
  huge.AddTensor({{65536, 65536, 2}, tflite::TensorType_FLOAT32, "huge"});
  ExpectError(Load(huge.Build()), StatusCode::kUnsupported,
              "tensor 3 (huge): shape [65536,65536,2] exceeds 2 GiB");
  TestModel rank = AddModel();
  rank.AddTensor({{1, 1, 1, 1, 1, 1, 1, 1, 1}, tflite::TensorType_FLOAT32, "deep"});
  ExpectError(Load(rank.Build()), StatusCode::kUnsupported, "rank 9 exceeds 8");
}

TEST(ModelLoad, UnsupportedTensorType) {
  TestModel m = AddModel();
  m.AddTensor({{2}, tflite::TensorType_STRING, "s"});
  ExpectError(Load(m.Build()), StatusCode::kUnsupported,
              "tensor 3 (s): type STRING is not supported");
}

TensorSpec QuantizedWeights(std::vector<float> scales, std::vector<int64_t> zps, int32_t qd) {
  TensorSpec t;
  t.shape = {8, 3, 3, 1};
  t.type = tflite::TensorType_INT8;
  t.name = "w";
  t.data.assign(72, 1);
  t.scales = scales;
  t.zero_points = zps;
  t.quantized_dimension = qd;
  return t;
}

TEST(ModelLoad, QuantizationArrays) {
  TestModel count = AddModel();
  count.AddTensor(QuantizedWeights({1, 1, 1}, {0, 0, 0}, 0));
  ExpectError(Load(count.Build()), StatusCode::kMalformedModel,
              "tensor 3 (w): 3 per-channel scales but dimension 0 has 8 entries");
  TestModel zp = AddModel();
  zp.AddTensor(QuantizedWeights({1, 1}, {0}, 0));
  ExpectError(Load(zp.Build()), StatusCode::kMalformedModel,
              "tensor 3 (w): 2 scales but 1 zero points");
  TestModel dim = AddModel();
  dim.AddTensor(QuantizedWeights(std::vector<float>(8, 1.f), std::vector<int64_t>(8, 0), 4));
  ExpectError(Load(dim.Build()), StatusCode::kMalformedModel,
              "tensor 3 (w): quantized dimension 4 out of range for rank 4");
  TestModel range = AddModel();
  range.AddTensor(QuantizedWeights({0.5f}, {200}, 0));
  ExpectError(Load(range.Build()), StatusCode::kMalformedModel,
              "tensor 3 (w): zero point 200 out of range for int8");
  TestModel good = AddModel();
  good.AddTensor(QuantizedWeights(std::vector<float>(8, 0.1f), std::vector<int64_t>(8, 0), 0));
  EXPECT_TRUE(Load(good.Build()).ok());
}

TEST(ModelLoad, IntegerActivationsWithoutQuantizationLoadButZeroScalesDoNot) {
  // A plain int8 tensor (CAST's output, say) is valid; the kernels that need quantization check.
  TestModel m = AddModel();
  m.AddTensor({{4}, tflite::TensorType_INT8, "act"});
  EXPECT_TRUE(Load(m.Build()).ok());
  TestModel zero_scale = AddModel();
  TensorSpec t{{4}, tflite::TensorType_INT8, "act"};
  t.scales = {0.0f};
  t.zero_points = {0};
  zero_scale.AddTensor(t);
  ExpectError(Load(zero_scale.Build()), StatusCode::kMalformedModel,
              "tensor 3 (act): scale 0 is not a positive finite number");
}

TEST(ModelLoad, RankOneBiasWithStaleQuantizedDimensionIsAccepted) {
  // Old converters wrote the weights' quantized_dimension (3) onto depthwise biases.
  TestModel m = AddModel();
  TensorSpec bias{{8}, tflite::TensorType_INT32, "bias"};
  bias.data.assign(32, 0);
  bias.scales = std::vector<float>(8, 0.01f);
  bias.zero_points = std::vector<int64_t>(8, 0);
  bias.quantized_dimension = 3;
  m.AddTensor(bias);
  AlignedBytes bytes(m.Build());
  Model model;
  ASSERT_TRUE(Model::Load(bytes.data(), bytes.size(), &model).ok());
  EXPECT_EQ(model.tensor(3).quantized_dimension, 0);
  EXPECT_EQ(model.tensor(3).num_quant, 8u);
}

TEST(ModelLoad, RandomCorruptionNeverCrashes) {
  const std::vector<uint8_t> good = AddModel().Build();
  std::mt19937 rng(99);
  int rejected = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> bytes = good;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) bytes[rng() % bytes.size()] = static_cast<uint8_t>(rng());
    if (rng() % 4 == 0) bytes.resize(rng() % bytes.size());
    AlignedBytes aligned(bytes);
    Model model;
    const Status s = Model::Load(aligned.data(), aligned.size(), &model);
    rejected += s.ok() ? 0 : 1;
    if (s.ok()) {  // whatever loaded must be fully readable
      for (uint32_t t = 0; t < model.num_tensors(); ++t)
        (void)model.tensor(static_cast<int32_t>(t));
    }
  }
  EXPECT_GT(rejected, 100);
}

}  // namespace
