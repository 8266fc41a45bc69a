#include "reference/concatenation.hpp"

#include <cstring>

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {

void concatenate(int32_t num_inputs, const void* const* inputs, const uint32_t* slab_bytes,
                 int32_t outer, void* output) {
  uint8_t* dst = static_cast<uint8_t*>(output);
  for (int32_t o = 0; o < outer; ++o) {
    for (int32_t i = 0; i < num_inputs; ++i) {
      const uint8_t* src = static_cast<const uint8_t*>(inputs[i]) + o * slab_bytes[i];
      std::memcpy(dst, src, slab_bytes[i]);
      dst += slab_bytes[i];
    }
  }
}

namespace concatenation {
namespace {

constexpr int32_t kMaxInputs = 16;

// Followed by num_inputs uint32 slab sizes.
struct ConcatOpData {
  int32_t num_inputs;
  int32_t outer;
};

Status analyze(const OpContext& ctx, int32_t* axis) {
  if (ctx.num_inputs < 1 || ctx.num_inputs > static_cast<uint32_t>(kMaxInputs)) {
    return OpError(ctx, StatusCode::kUnsupported, "supports 1 to %d inputs",
                   static_cast<int>(kMaxInputs));
  }
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, kMaxInputs));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_ConcatenationOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing options");
  if (o->fused_activation_function() != tflite::ActivationFunctionType_NONE) {
    return OpError(ctx, StatusCode::kUnsupported, "fused activation is not supported");
  }
  const TensorView& out = ctx.output(0);
  *axis = o->axis() < 0 ? o->axis() + out.rank : o->axis();
  if (*axis < 0 || *axis >= out.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d out of range",
                   static_cast<int>(o->axis()));
  }
  CheckedSize total(0);
  for (uint32_t i = 0; i < ctx.num_inputs; ++i) {
    const TensorView& in = ctx.input(i);
    STRATA_RETURN_IF_ERROR(check_type(ctx, in, "input", out.type));
    if (in.rank != out.rank) {
      return OpError(ctx, StatusCode::kMalformedModel, "input %u rank differs from output",
                     static_cast<unsigned>(i));
    }
    for (int32_t d = 0; d < out.rank; ++d) {
      if (d != *axis && in.dims[d] != out.dims[d]) {
        return OpError(ctx, StatusCode::kMalformedModel, "input %u dimension %d differs",
                       static_cast<unsigned>(i), static_cast<int>(d));
      }
    }
    if (out.type == DataType::kInt8 && (in.scale != out.scale || in.zero_point != out.zero_point)) {
      return OpError(ctx, StatusCode::kUnsupported, "int8 inputs must share output quantization");
    }
    total += in.bytes;
  }
  if (!total.ok() || total.value() != out.bytes) {
    return OpError(ctx, StatusCode::kMalformedModel, "inputs hold %s bytes, output %u",
                   total.ok() ? "a different number of" : "more than 2 GiB of",
                   static_cast<unsigned>(out.bytes));
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  int32_t axis = 0;
  STRATA_RETURN_IF_ERROR(analyze(ctx, &axis));
  req->variant = Variant::kAny;
  req->op_data_bytes = align8(sizeof(ConcatOpData) + 4u * ctx.num_inputs);
  if (op_data == nullptr) return Status::Ok();
  ConcatOpData* d = static_cast<ConcatOpData*>(op_data);
  const TensorView& out = ctx.output(0);
  d->num_inputs = static_cast<int32_t>(ctx.num_inputs);
  d->outer = 1;
  for (int32_t i = 0; i < axis; ++i) d->outer *= out.dims[i];
  uint32_t* slab = reinterpret_cast<uint32_t*>(d + 1);
  for (uint32_t i = 0; i < ctx.num_inputs; ++i) {
    slab[i] = d->outer > 0 ? ctx.input(i).bytes / static_cast<uint32_t>(d->outer) : 0;
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const ConcatOpData& d = call.data<ConcatOpData>();
  const void* inputs[kMaxInputs];
  for (int32_t i = 0; i < d.num_inputs; ++i) inputs[i] = call.input(static_cast<uint32_t>(i));
  concatenate(d.num_inputs, inputs, reinterpret_cast<const uint32_t*>(&d + 1), d.outer,
              call.output(0));
}

}  // namespace concatenation

}  // namespace reference
}  // namespace kernels
}  // namespace strata
