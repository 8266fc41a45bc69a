// Test harness for kernels through the kernel API, as the interpreter drives them: tensors that own
// their arrays (FakeTensor), an OpContext over them, OpCall records, and run_reference(), which
// prepares an op twice (sizing, then filling op data) and invokes it.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "kernel.hpp"
#include "reference/registry.hpp"
#include "strata/op_resolver.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {

// Owns the arrays a TensorView points to.
struct FakeTensor {
  std::vector<int32_t> dims;
  std::vector<float> scales;
  std::vector<uint8_t> zps;
  std::vector<uint8_t> storage;
  TensorView view;

  FakeTensor(DataType type, std::vector<int32_t> d, std::vector<float> s = {},
             std::vector<int64_t> z = {}, int32_t index = 0)
      : dims(std::move(d)), scales(std::move(s)) {
    for (int64_t v : z) {
      uint8_t b[8];
      std::memcpy(b, &v, 8);
      zps.insert(zps.end(), b, b + 8);
    }
    uint32_t n = 1;
    for (int32_t x : dims) n *= static_cast<uint32_t>(x);
    storage.assign(n * DataTypeSize(type), 0);
    view.data = storage.data();
    view.dims = dims.data();
    view.name = "t";
    view.scales = scales.empty() ? nullptr : scales.data();
    view.zero_points = zps.empty() ? nullptr : zps.data();
    view.scale = scales.empty() ? 0.0f : scales[0];
    view.zero_point = z.empty() ? 0 : static_cast<int32_t>(z[0]);
    view.index = index;
    view.rank = static_cast<int32_t>(dims.size());
    view.elements = n;
    view.bytes = n * DataTypeSize(type);
    view.num_quant = static_cast<uint32_t>(scales.size());
    view.type = type;
  }
};

// An OpCall record laid out as the interpreter does: header, data slots (inputs, outputs,
// scratch), then the op data.
inline std::vector<uint64_t> make_call(InvokeFn fn, const std::vector<void*>& slots,
                                       uint32_t num_inputs, const std::vector<uint64_t>& op_data) {
  std::vector<uint64_t> rec(sizeof(OpCall) / 8 + slots.size() + op_data.size(), 0);
  OpCall* call = reinterpret_cast<OpCall*>(rec.data());
  call->invoke.fn = fn;
  call->num_inputs = static_cast<uint8_t>(num_inputs);
  call->num_outputs_flags = static_cast<uint8_t>(slots.size() - num_inputs);
  call->stride_words = static_cast<uint8_t>(sizeof(OpCall) / 8 + slots.size());
  call->data_offset = static_cast<uint32_t>(sizeof(OpCall) + 8 * slots.size());
  auto* ptrs = reinterpret_cast<ArenaPtr<void>*>(call + 1);
  for (size_t i = 0; i < slots.size(); ++i) ptrs[i].ptr = slots[i];
  std::memcpy(ptrs + slots.size(), op_data.data(), op_data.size() * 8);
  return rec;
}

inline OpContext make_context(const tflite::Operator* op, std::vector<TensorView>* ins,
                              std::vector<TensorView>* outs, int32_t code) {
  OpContext ctx;
  ctx.builtin_code = code;
  ctx.op = op;
  ctx.inputs = ins->data();
  ctx.outputs = outs->data();
  ctx.num_inputs = static_cast<uint32_t>(ins->size());
  ctx.num_outputs = static_cast<uint32_t>(outs->size());
  return ctx;
}

// The reference kernel of an op, as the interpreter finds it for the op's lowest version.
inline const Kernel& Ref(int32_t code) {
  const OpRegistration* r = reference::registry().FindAnyVersion(code);
  const Kernel* k = r != nullptr ? reference::registry().Find(code, r->min_version) : nullptr;
  EXPECT_NE(k, nullptr) << OpName(code);
  return *k;
}

// Fills a tensor's storage with values of its element type.
template <typename T>
void set_values(FakeTensor* t, const std::vector<T>& values) {
  ASSERT_EQ(values.size() * sizeof(T), t->storage.size());
  std::memcpy(t->storage.data(), values.data(), t->storage.size());
}

template <typename T>
std::vector<T> values_of(const FakeTensor& t) {
  std::vector<T> v(t.storage.size() / sizeof(T));
  std::memcpy(v.data(), t.storage.data(), t.storage.size());
  return v;
}

// Runs the reference kernel of `code` (operator options `op`, may be null) on the tensors: prepare
// without and then with op data, then invoke into the outputs' storage. Returns prepare's status;
// invoke runs only when it is ok.
inline Status run_reference(int32_t code, const tflite::Operator* op,
                            const std::vector<FakeTensor*>& inputs,
                            const std::vector<FakeTensor*>& outputs) {
  std::vector<TensorView> ins;
  std::vector<TensorView> outs;
  std::vector<void*> slots;
  for (FakeTensor* t : inputs) {
    ins.push_back(t->view);
    slots.push_back(t->storage.data());
  }
  for (FakeTensor* t : outputs) {
    outs.push_back(t->view);
    slots.push_back(t->storage.data());
  }
  const OpContext ctx = make_context(op, &ins, &outs, code);
  OpRequirements req;
  Status s = Ref(code).prepare(ctx, &req, nullptr);
  if (!s.ok()) return s;
  std::vector<uint64_t> op_data((req.op_data_bytes + 7) / 8, 0);
  req = OpRequirements{};
  s = Ref(code).prepare(ctx, &req, op_data.data());
  if (!s.ok()) return s;
  const InvokeFn invoke = Ref(code).invoke_for(req.variant);
  EXPECT_NE(invoke, nullptr) << VariantName(req.variant);
  if (invoke == nullptr) return Status::Error(StatusCode::kInternal, "no invoke for the variant");
  std::vector<uint8_t> scratch(req.scratch_bytes);
  if (req.scratch_bytes != 0) slots.push_back(scratch.data());
  auto rec = make_call(invoke, slots, static_cast<uint32_t>(inputs.size()), op_data);
  OpCall* call = reinterpret_cast<OpCall*>(rec.data());
  if (req.scratch_bytes != 0) call->num_outputs_flags |= OpCall::kHasScratch;
  invoke(*call);
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
