// The optimized kernels through the kernel API, as the interpreter runs them: check() (the scratch
// size it requests), prepare(), invoke() through an OpCall, on random operators built with the
// flatbuffers builder. The scratch is exactly what check() asked for, followed by guard bytes that
// must survive, and the outputs must equal the reference kernel's (int8 bit-exact, float close).
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "common/conv_op.hpp"
#include "optimized/registry.hpp"
#include "random_cases.hpp"
#include "reference/registry.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

using strata_test::uniform;
using strata_test::uniform_f;

// Owns what a TensorView points to.
struct Tensor {
  std::vector<int32_t> dims;
  std::vector<float> scales;
  std::vector<int64_t> zps;
  std::vector<uint64_t> storage;  // 8-byte aligned like the arena
  TensorView view;

  Tensor(DataType type, std::vector<int32_t> d, std::vector<float> s, std::vector<int64_t> z,
         int32_t index)
      : dims(std::move(d)), scales(std::move(s)), zps(std::move(z)) {
    uint32_t n = 1;
    for (int32_t x : dims) n *= static_cast<uint32_t>(x);
    storage.assign(n * DataTypeSize(type) / 8 + 2, 0);
    view.data = storage.data();
    view.dims = dims.data();
    view.scales = scales.empty() ? nullptr : scales.data();
    view.zero_points = zps.empty() ? nullptr : reinterpret_cast<const uint8_t*>(zps.data());
    view.scale = scales.empty() ? 0.0f : scales[0];
    view.zero_point = zps.empty() ? 0 : static_cast<int32_t>(zps[0]);
    view.index = index;
    view.rank = static_cast<int32_t>(dims.size());
    view.elements = n;
    view.bytes = n * DataTypeSize(type);
    view.num_quant = static_cast<uint32_t>(scales.size());
    view.type = type;
  }
  void fill_random(std::mt19937* rng) {
    auto* b = reinterpret_cast<uint8_t*>(storage.data());
    if (view.type == DataType::kFloat32) {
      auto* f = reinterpret_cast<float*>(b);
      for (uint32_t i = 0; i < view.elements; ++i) f[i] = uniform_f(rng, -1.0f, 1.0f);
    } else if (view.type == DataType::kInt32) {
      auto* v = reinterpret_cast<int32_t*>(b);
      for (uint32_t i = 0; i < view.elements; ++i) v[i] = uniform(rng, -20000, 20000);
    } else {
      for (uint32_t i = 0; i < view.bytes; ++i) b[i] = static_cast<uint8_t>(uniform(rng, 0, 255));
      if (view.is_constant) {  // symmetric int8 weights: no -128
        for (uint32_t i = 0; i < view.bytes; ++i) b[i] = b[i] == 0x80 ? 0x81 : b[i];
      }
    }
  }
};

// Runs one kernel through the API; returns the output bytes, and whether the guard survived.
std::vector<uint8_t> run(const Kernel& k, const OpContext& ctx, const std::vector<Tensor*>& ins,
                         Tensor* out, bool* guard_ok) {
  OpRequirements req;
  const Status s = k.prepare(ctx, &req, nullptr);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  std::vector<uint64_t> op_data(req.op_data_bytes / 8 + 1, 0);
  OpRequirements again;
  EXPECT_TRUE(k.prepare(ctx, &again, op_data.data()).ok());
  EXPECT_EQ(again.variant, req.variant);
  const InvokeFn invoke = k.invoke_for(req.variant);
  EXPECT_NE(invoke, nullptr) << VariantName(req.variant);
  if (invoke == nullptr) return {};
  constexpr uint32_t kGuard = 64;
  std::vector<uint8_t> scratch(req.scratch_bytes + kGuard + 8, 0xA5);
  auto* base =
      reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(scratch.data()) + 7) & ~uintptr_t{7});
  std::memset(base + req.scratch_bytes, 0x5C, kGuard);
  std::memset(out->storage.data(), 0x33, out->view.bytes);
  // OpCall record: header, input/output/scratch slots, op data.
  const uint32_t slots = static_cast<uint32_t>(ins.size()) + 1 + (req.scratch_bytes ? 1 : 0);
  std::vector<uint64_t> rec(2 + slots + op_data.size(), 0);
  auto* call = reinterpret_cast<OpCall*>(rec.data());
  call->invoke.fn = invoke;
  call->num_inputs = static_cast<uint8_t>(ins.size());
  call->num_outputs_flags = static_cast<uint8_t>(1 | (req.scratch_bytes ? OpCall::kHasScratch : 0));
  call->data_offset = static_cast<uint32_t>(16 + 8 * slots);
  auto* ptr = reinterpret_cast<ArenaPtr<void>*>(call + 1);
  for (size_t i = 0; i < ins.size(); ++i) ptr[i].ptr = ins[i] ? ins[i]->view.data : nullptr;
  ptr[ins.size()].ptr = out->view.data;
  if (req.scratch_bytes) ptr[ins.size() + 1].ptr = base;
  std::memcpy(ptr + slots, op_data.data(), op_data.size() * 8);
  invoke(*call);
  *guard_ok = true;
  for (uint32_t i = 0; i < kGuard; ++i) *guard_ok &= base[req.scratch_bytes + i] == 0x5C;
  const auto* o = reinterpret_cast<const uint8_t*>(out->storage.data());
  return std::vector<uint8_t>(o, o + out->view.bytes);
}

enum class Kind { kInt8, kFloat32, kHybrid };

bool close_bytes(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, Kind kind) {
  if (kind == Kind::kInt8 || a.size() != b.size()) return a == b;
  std::vector<float> fa(a.size() / 4), fb(b.size() / 4);
  std::memcpy(fa.data(), a.data(), a.size());
  std::memcpy(fb.data(), b.data(), b.size());
  return strata_test::first_float_mismatch(fa, fb) == -1;
}

// The operator (options) for a case, and the shapes it implies; false when the drawn padding
// leaves no output.
struct OpShapes {
  std::vector<int32_t> in, w, out;
};

bool build_operator(std::mt19937* rng, int32_t code, const strata_test::ConvCase& c, bool hybrid,
                    int index, flatbuffers::FlatBufferBuilder* fbb, OpShapes* s) {
  const auto act = static_cast<tflite::ActivationFunctionType>(uniform(rng, 0, 1));
  const auto pad = uniform(rng, 0, 1) ? tflite::Padding_SAME : tflite::Padding_VALID;
  s->in = {c.in.n, c.in.h, c.in.w, c.in.c};
  s->w = {c.filter.n, c.filter.h, c.filter.w, c.filter.c};
  if (code == tflite::BuiltinOperator_FULLY_CONNECTED) {
    const int32_t depth = c.in.h * c.in.w * c.in.c;
    s->in = {c.in.n, depth};
    s->w = {c.out.c, depth};
    s->out = {c.in.n, c.out.c};
    auto o = tflite::CreateFullyConnectedOptions(*fbb, act,
                                                 tflite::FullyConnectedOptionsWeightsFormat_DEFAULT,
                                                 false, hybrid && (index & 1));
    fbb->Finish(tflite::CreateOperator(*fbb, 0, 0, 0, tflite::BuiltinOptions_FullyConnectedOptions,
                                       o.Union()));
    return true;
  }
  // Recompute the geometry for the drawn padding (the case's own may differ).
  const ConvGeometry g{pad == tflite::Padding_SAME ? Padding::kSame : Padding::kValid,
                       c.p.stride_h,
                       c.p.stride_w,
                       c.p.dilation_h,
                       c.p.dilation_w,
                       c.in.h,
                       c.in.w,
                       c.filter.h,
                       c.filter.w,
                       c.p.depth_multiplier};
  ConvParams p{};
  int32_t oh = 0, ow = 0;
  if (!compute_conv_geometry(g, &p, &oh, &ow) || oh <= 0 || ow <= 0) return false;
  s->out = {c.in.n, oh, ow, c.out.c};
  if (code == tflite::BuiltinOperator_DEPTHWISE_CONV_2D) {
    auto o = tflite::CreateDepthwiseConv2DOptions(*fbb, pad, c.p.stride_w, c.p.stride_h,
                                                  c.p.depth_multiplier, act, c.p.dilation_w,
                                                  c.p.dilation_h);
    fbb->Finish(tflite::CreateOperator(*fbb, 0, 0, 0, tflite::BuiltinOptions_DepthwiseConv2DOptions,
                                       o.Union()));
  } else {
    auto o = tflite::CreateConv2DOptions(*fbb, pad, c.p.stride_w, c.p.stride_h, act, c.p.dilation_w,
                                         c.p.dilation_h);
    fbb->Finish(
        tflite::CreateOperator(*fbb, 0, 0, 0, tflite::BuiltinOptions_Conv2DOptions, o.Union()));
  }
  return true;
}

// One random CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED through both backends.
void check_random_op(std::mt19937* rng, int32_t code, Kind kind, int index) {
  const strata_test::ConvCase c =
      strata_test::random_conv_case(rng, code == tflite::BuiltinOperator_DEPTHWISE_CONV_2D);
  flatbuffers::FlatBufferBuilder fbb;
  OpShapes shapes;
  if (!build_operator(rng, code, c, kind == Kind::kHybrid, index, &fbb, &shapes)) return;
  const bool q_in = kind == Kind::kInt8;
  const DataType act_t = q_in ? DataType::kInt8 : DataType::kFloat32;
  std::vector<float> w_scales = kind != Kind::kFloat32 ? c.filter_scales : std::vector<float>{};
  if (code == tflite::BuiltinOperator_FULLY_CONNECTED && w_scales.size() > 1) w_scales.resize(1);
  Tensor in(act_t, shapes.in, q_in ? std::vector<float>{0.05f} : std::vector<float>{},
            q_in ? std::vector<int64_t>{c.input_zp} : std::vector<int64_t>{}, 0);
  Tensor w(kind == Kind::kFloat32 ? DataType::kFloat32 : DataType::kInt8, shapes.w, w_scales,
           std::vector<int64_t>(w_scales.size(), 0), 1);
  w.view.is_constant = true;
  Tensor bias(q_in ? DataType::kInt32 : DataType::kFloat32, {c.out.c}, {}, {}, 2);
  bias.view.is_constant = true;
  const float out_scale = 0.05f * c.filter_scales[0] * uniform_f(rng, 20.0f, 200.0f);
  Tensor out(act_t, shapes.out, q_in ? std::vector<float>{out_scale} : std::vector<float>{},
             q_in ? std::vector<int64_t>{c.output_zp} : std::vector<int64_t>{}, 3);
  in.fill_random(rng);
  w.fill_random(rng);
  bias.fill_random(rng);
  std::vector<TensorView> ins = {in.view, w.view, bias.view};
  std::vector<TensorView> outs = {out.view};
  OpContext ctx;
  ctx.builtin_code = code;
  ctx.op = flatbuffers::GetRoot<tflite::Operator>(fbb.GetBufferPointer());
  ctx.inputs = ins.data();
  ctx.outputs = outs.data();
  ctx.num_inputs = 3;
  ctx.num_outputs = 1;
  const Kernel* ref = reference::registry().Find(code, 1);
  const Kernel* opt = optimized::registry().Find(code, 1);
  ASSERT_NE(opt, ref);
  bool ref_guard = true;
  bool opt_guard = true;
  const auto want = run(*ref, ctx, {&in, &w, &bias}, &out, &ref_guard);
  const auto got = run(*opt, ctx, {&in, &w, &bias}, &out, &opt_guard);
  EXPECT_TRUE(opt_guard) << "op " << code << " case " << index
                         << " wrote past its scratch: " << c.describe();
  EXPECT_TRUE(close_bytes(got, want, kind))
      << "op " << code << " case " << index << ": " << c.describe();
}

TEST(OptimizedKernelApi, ScratchFromCheckIsEnoughAndResultsMatch) {
  std::mt19937 rng(77);
  const int32_t codes[] = {tflite::BuiltinOperator_CONV_2D,
                           tflite::BuiltinOperator_DEPTHWISE_CONV_2D,
                           tflite::BuiltinOperator_FULLY_CONNECTED};
  for (int32_t code : codes) {
    for (Kind kind : {Kind::kInt8, Kind::kFloat32, Kind::kHybrid}) {
      for (int i = 0; i < 150; ++i) check_random_op(&rng, code, kind, i);
    }
  }
}

// Whether the optimized kernel of `code` declines an int8 operator (use_fallback) whose biases
// are all `bias_value`: the optimized kernels are built without -fwrapv, so an accumulator that
// could overflow must go to the reference kernel (which wraps, as TFLite does).
bool optimized_declines(int32_t code, int32_t bias_value) {
  std::mt19937 rng(5);
  for (;;) {
    const strata_test::ConvCase c =
        strata_test::random_conv_case(&rng, code == tflite::BuiltinOperator_DEPTHWISE_CONV_2D);
    flatbuffers::FlatBufferBuilder fbb;
    OpShapes shapes;
    if (!build_operator(&rng, code, c, false, 0, &fbb, &shapes)) continue;
    std::vector<float> w_scales = c.filter_scales;
    if (code == tflite::BuiltinOperator_FULLY_CONNECTED) w_scales.resize(1);
    Tensor in(DataType::kInt8, shapes.in, {0.05f}, {c.input_zp}, 0);
    Tensor w(DataType::kInt8, shapes.w, w_scales, std::vector<int64_t>(w_scales.size(), 0), 1);
    w.view.is_constant = true;
    w.fill_random(&rng);
    Tensor bias(DataType::kInt32, {c.out.c}, {}, {}, 2);
    bias.view.is_constant = true;
    auto* b = reinterpret_cast<int32_t*>(bias.storage.data());
    for (int32_t k = 0; k < c.out.c; ++k) b[k] = bias_value;
    Tensor out(DataType::kInt8, shapes.out, {0.5f}, {c.output_zp}, 3);
    std::vector<TensorView> ins = {in.view, w.view, bias.view};
    std::vector<TensorView> outs = {out.view};
    OpContext ctx;
    ctx.builtin_code = code;
    ctx.op = flatbuffers::GetRoot<tflite::Operator>(fbb.GetBufferPointer());
    ctx.inputs = ins.data();
    ctx.outputs = outs.data();
    ctx.num_inputs = 3;
    ctx.num_outputs = 1;
    OpRequirements req;
    const Status s = optimized::registry().Find(code, 1)->prepare(ctx, &req, nullptr);
    EXPECT_TRUE(s.ok()) << s.message();
    return req.use_fallback;
  }
}

TEST(OptimizedKernelApi, DeclinesWhatCouldOverflowTheAccumulator) {
  for (int32_t code : {tflite::BuiltinOperator_CONV_2D, tflite::BuiltinOperator_DEPTHWISE_CONV_2D,
                       tflite::BuiltinOperator_FULLY_CONNECTED}) {
    EXPECT_FALSE(optimized_declines(code, 1000)) << code;
    EXPECT_FALSE(optimized_declines(code, -1000000)) << code;
    EXPECT_TRUE(optimized_declines(code, INT32_MAX - 100)) << code;
    EXPECT_TRUE(optimized_declines(code, INT32_MIN + 100)) << code;
  }
}

}  // namespace
}  // namespace kernels
}  // namespace strata
