// The kernel-API adapters: check() validation and requirements, prepare() op data, and invoke
// through an OpCall, using operators built with the flatbuffers builder.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "common/conv_op.hpp"
#include "kernel_harness.hpp"
#include "reference/conv_2d.hpp"
#include "reference/registry.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

flatbuffers::DetachedBuffer conv_operator(tflite::Padding pad, int stride, int act) {
  flatbuffers::FlatBufferBuilder fbb;
  auto opts = tflite::CreateConv2DOptions(fbb, pad, stride, stride,
                                          static_cast<tflite::ActivationFunctionType>(act), 1, 1);
  auto op =
      tflite::CreateOperator(fbb, 0, 0, 0, tflite::BuiltinOptions_Conv2DOptions, opts.Union());
  fbb.Finish(op);
  return fbb.Release();
}

TEST(Adapter, RegistryRejectsUnknownVersions) {
  EXPECT_NE(reference::registry().Find(tflite::BuiltinOperator_CONV_2D, 1), nullptr);
  EXPECT_EQ(reference::registry().Find(tflite::BuiltinOperator_CONV_2D, 99), nullptr);
}

TEST(Adapter, ConvInt8CheckPrepareInvoke) {
  auto buf = conv_operator(tflite::Padding_VALID, 1, 0);
  const auto* op = flatbuffers::GetRoot<tflite::Operator>(buf.data());
  FakeTensor in(DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {-1});
  FakeTensor w(DataType::kInt8, {2, 2, 2, 1}, {0.25f, 0.5f}, {0, 0}, 1);
  FakeTensor b(DataType::kInt32, {2}, {}, {}, 2);
  FakeTensor out(DataType::kInt8, {1, 1, 1, 2}, {0.125f}, {3}, 3);
  const int8_t qin[4] = {1, 3, 5, -1};
  const int8_t qw[8] = {1, 2, 3, 4, 1, 0, 0, -1};
  const int32_t qb[2] = {4, -10};
  std::memcpy(in.storage.data(), qin, 4);
  std::memcpy(w.storage.data(), qw, 8);
  std::memcpy(b.storage.data(), qb, 8);
  std::vector<TensorView> ins = {in.view, w.view, b.view};
  std::vector<TensorView> outs = {out.view};
  const OpContext ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  OpRequirements req;
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr).ok());
  EXPECT_EQ(req.op_data_bytes, sizeof(ConvOpData) + 16u);  // 2 x (int32 + int8), aligned
  EXPECT_EQ(req.scratch_bytes, 0u);
  const InvokeFn invoke = Ref(tflite::BuiltinOperator_CONV_2D).invoke_for(req.variant);
  EXPECT_EQ(req.variant, Variant::kInt8);
  ASSERT_NE(invoke, nullptr);
  std::vector<uint64_t> op_data(req.op_data_bytes / 8, 0);
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, op_data.data()).ok());
  // 2x2 -> 1x1 VALID: output pixel 0 reads input pixels 0..3, so the output (2 bytes) may only
  // start 2 bytes before the input.
  EXPECT_EQ(req.inplace_lead_bytes, 2);
  auto rec = make_call(invoke,
                       {in.storage.data(), w.storage.data(), b.storage.data(), out.storage.data()},
                       3, op_data);
  invoke(*reinterpret_cast<const OpCall*>(rec.data()));
  // Same hand-computed values as the compute-level test: 35 and -13.
  EXPECT_EQ(static_cast<int8_t>(out.storage[0]), 35);
  EXPECT_EQ(static_cast<int8_t>(out.storage[1]), -13);
}

TEST(Adapter, ConvRejectsBadShapesTypesAndOptions) {
  auto buf = conv_operator(tflite::Padding_VALID, 1, 0);
  const auto* op = flatbuffers::GetRoot<tflite::Operator>(buf.data());
  FakeTensor in(DataType::kFloat32, {1, 4, 4, 2});
  FakeTensor w(DataType::kFloat32, {3, 3, 3, 2}, {}, {}, 1);
  FakeTensor out(DataType::kFloat32, {1, 2, 2, 3}, {}, {}, 2);
  FakeTensor wrong_out(DataType::kFloat32, {1, 3, 3, 3}, {}, {}, 2);
  FakeTensor i16(DataType::kInt16, {1, 4, 4, 2});
  std::vector<TensorView> ins = {in.view, w.view};
  std::vector<TensorView> outs = {out.view};
  OpRequirements req;
  OpContext ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr).ok());
  outs = {wrong_out.view};
  ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  Status s = Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kMalformedModel);
  EXPECT_NE(std::strstr(s.message(), "expected [1,2,2,3]"), nullptr) << s.message();
  outs = {out.view};
  ins = {i16.view, w.view};
  ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  EXPECT_EQ(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr).code(), StatusCode::kUnsupported);
  ins = {in.view, w.view};
  ctx = make_context(nullptr, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  EXPECT_EQ(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr).code(), StatusCode::kMalformedModel);
  // A float32 operator picks the float32 variant.
  ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_CONV_2D);
  req = OpRequirements{};
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_CONV_2D).prepare(ctx, &req, nullptr).ok());
  EXPECT_EQ(req.variant, Variant::kFloat32);
}

TEST(Adapter, HybridDepthwiseRequestsScratch) {
  flatbuffers::FlatBufferBuilder fbb;
  auto opts = tflite::CreateDepthwiseConv2DOptions(fbb, tflite::Padding_SAME, 1, 1, 2);
  fbb.Finish(tflite::CreateOperator(fbb, 0, 0, 0, tflite::BuiltinOptions_DepthwiseConv2DOptions,
                                    opts.Union()));
  const auto* op = flatbuffers::GetRoot<tflite::Operator>(fbb.GetBufferPointer());
  FakeTensor in(DataType::kFloat32, {1, 5, 5, 3});
  FakeTensor w(DataType::kInt8, {1, 3, 3, 6}, {0.1f, 0.1f, 0.1f, 0.2f, 0.2f, 0.2f},
               {0, 0, 0, 0, 0, 0}, 1);
  FakeTensor out(DataType::kFloat32, {1, 5, 5, 6}, {}, {}, 2);
  std::vector<TensorView> ins = {in.view, w.view};
  std::vector<TensorView> outs = {out.view};
  const OpContext ctx = make_context(op, &ins, &outs, tflite::BuiltinOperator_DEPTHWISE_CONV_2D);
  OpRequirements req;
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_DEPTHWISE_CONV_2D).prepare(ctx, &req, nullptr).ok());
  EXPECT_EQ(req.scratch_bytes, 75u);  // one quantized input batch
  EXPECT_EQ(req.op_data_bytes, sizeof(ConvOpData) + 24u);
  std::vector<uint64_t> op_data(req.op_data_bytes / 8, 0);
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_DEPTHWISE_CONV_2D).prepare(ctx, &req, op_data.data()).ok());
  const ConvOpData& d = *reinterpret_cast<const ConvOpData*>(op_data.data());
  EXPECT_EQ(d.params.depth_multiplier, 2);
  EXPECT_EQ(d.params.pad_h, 1);
  EXPECT_TRUE(conv_hybrid_weights(d).asymmetric_inputs);  // per-channel -> asymmetric
  EXPECT_FLOAT_EQ(conv_hybrid_weights(d).filter_scales[4], 0.2f);
}

TEST(Adapter, Float16DequantizeIsConstant) {
  FakeTensor in(DataType::kFloat16, {3});
  in.view.is_constant = true;
  const uint8_t halves[6] = {0x00, 0x3C, 0x00, 0x40, 0x00, 0xC2};  // 1, 2, -3
  std::memcpy(in.storage.data(), halves, 6);
  FakeTensor out(DataType::kFloat32, {3}, {}, {}, 1);
  std::vector<TensorView> ins = {in.view};
  std::vector<TensorView> outs = {out.view};
  const OpContext ctx = make_context(nullptr, &ins, &outs, tflite::BuiltinOperator_DEQUANTIZE);
  OpRequirements req;
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_DEQUANTIZE).prepare(ctx, &req, nullptr).ok());
  EXPECT_TRUE(req.output_is_constant);
  EXPECT_EQ(req.op_data_bytes, 12u);  // the folded floats (the interpreter aligns op data)
  std::vector<float> data(4, 0.0f);
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_DEQUANTIZE).prepare(ctx, &req, data.data()).ok());
  EXPECT_EQ(data[0], 1.0f);
  EXPECT_EQ(data[1], 2.0f);
  EXPECT_EQ(data[2], -3.0f);
}

TEST(Adapter, ReshapeAliasesAndSoftmaxChecksOutputScale) {
  FakeTensor in(DataType::kInt8, {1, 1, 1, 4}, {0.1f}, {0});
  FakeTensor out(DataType::kInt8, {1, 4}, {0.1f}, {0}, 1);
  std::vector<TensorView> ins = {in.view};
  std::vector<TensorView> outs = {out.view};
  OpContext ctx = make_context(nullptr, &ins, &outs, tflite::BuiltinOperator_RESHAPE);
  OpRequirements req;
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_RESHAPE).prepare(ctx, &req, nullptr).ok());
  EXPECT_TRUE(req.output_aliases_input);
  FakeTensor prob(DataType::kInt8, {1, 1, 1, 4}, {1.0f / 256}, {-128}, 1);
  outs = {prob.view};
  ctx = make_context(nullptr, &ins, &outs, tflite::BuiltinOperator_SOFTMAX);
  req = OpRequirements{};
  ASSERT_TRUE(Ref(tflite::BuiltinOperator_SOFTMAX).prepare(ctx, &req, nullptr).ok());
  outs = {in.view};  // scale 0.1: not a probability encoding
  ctx = make_context(nullptr, &ins, &outs, tflite::BuiltinOperator_SOFTMAX);
  EXPECT_EQ(Ref(tflite::BuiltinOperator_SOFTMAX).prepare(ctx, &req, nullptr).code(), StatusCode::kUnsupported);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
