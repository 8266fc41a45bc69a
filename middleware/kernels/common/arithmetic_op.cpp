#include "common/arithmetic_op.hpp"

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

FusedActivation read_activation(const OpContext& ctx, ArithmeticKind kind) {
  if (ctx.op == nullptr) return FusedActivation::kNone;
  tflite::ActivationFunctionType act = tflite::ActivationFunctionType_NONE;
  if (kind == ArithmeticKind::kAdd) {
    if (const auto* o = ctx.op->builtin_options_as_AddOptions())
      act = o->fused_activation_function();
  } else if (kind == ArithmeticKind::kSub) {
    if (const auto* o = ctx.op->builtin_options_as_SubOptions())
      act = o->fused_activation_function();
  } else {
    if (const auto* o = ctx.op->builtin_options_as_MulOptions())
      act = o->fused_activation_function();
  }
  return static_cast<FusedActivation>(act);
}

}  // namespace

Status binary_prepare(const OpContext& ctx, OpRequirements* req, BinaryOutput output,
                      BroadcastPlan* plan) {
  if (ctx.num_inputs != 2 || !ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects 2 inputs");
  }
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& a = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(1), "input 1", a.type));
  STRATA_RETURN_IF_ERROR(
      check_type(ctx, out, "output", output == BinaryOutput::kBool ? DataType::kBool : a.type));
  const TensorView* operands[2] = {&a, &ctx.input(1)};
  STRATA_RETURN_IF_ERROR(
      plan_broadcast(ctx, operands, 2, out, BroadcastOutput::kBroadcastShape, plan));
  if (plan->rank == 0) {
    req->inplace_lead_bytes = static_cast<int32_t>(elementwise_inplace_lead(
        static_cast<uint32_t>(plan->count), DataTypeSize(a.type), DataTypeSize(out.type)));
  }
  return Status::Ok();
}

Status plan_only_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                         BinaryOutput output, const DataType* types, int32_t n) {
  OpDataRef<BroadcastPlan> plan(req, op_data);
  STRATA_RETURN_IF_ERROR(binary_prepare(ctx, req, output, plan.get()));
  const DataType type = ctx.input(0).type;
  for (int32_t i = 0; i < n; ++i) {
    if (types[i] == type) {
      req->variant = variant_of(type);
      return Status::Ok();
    }
  }
  return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                 DataTypeName(type));
}

Status binary_quant(const OpContext& ctx, BinaryQuant* q) {
  const TensorView& a = ctx.input(0);
  const TensorView& b = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, a, "input 0"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, b, "input 1"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  const bool is_int16 = a.type == DataType::kInt16;
  *q = {a.scale,
        a.zero_point,
        b.scale,
        b.zero_point,
        out.scale,
        out.zero_point,
        is_int16 ? -32768 : -128,
        is_int16 ? 32767 : 127};
  return Status::Ok();
}

Status arithmetic_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                          ArithmeticKind kind) {
  OpDataRef<ArithmeticOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(binary_prepare(ctx, req, BinaryOutput::kSameType, &d->plan));
  const DataType type = ctx.input(0).type;
  const FusedActivation act = read_activation(ctx, kind);
  bool ok = false;
  switch (type) {
    case DataType::kFloat32:
      ok = compute_arithmetic_params_float(act, &d->params);
      break;
    case DataType::kInt8:
    case DataType::kInt16: {
      BinaryQuant q;
      STRATA_RETURN_IF_ERROR(binary_quant(ctx, &q));
      ok = kind == ArithmeticKind::kAdd   ? compute_add_params(q, act, &d->params)
           : kind == ArithmeticKind::kSub ? compute_sub_params(q, act, &d->params)
                                          : compute_mul_params(q, act, &d->params);
      break;
    }
    case DataType::kInt32:
      // TFLite runs int32 ADD and SUB on plain integers only.
      if (kind != ArithmeticKind::kMul) {
        STRATA_RETURN_IF_ERROR(check_unquantized(ctx, ctx.input(0), "input 0"));
        STRATA_RETURN_IF_ERROR(check_unquantized(ctx, ctx.input(1), "input 1"));
      }
      if (kind == ArithmeticKind::kSub) {
        STRATA_RETURN_IF_ERROR(check_unquantized(ctx, ctx.output(0), "output"));
      }
      // TFLite's int32 ADD ignores the fused activation; SUB and MUL clamp to it.
      ok = compute_arithmetic_params_int32(
          kind == ArithmeticKind::kAdd ? FusedActivation::kNone : act, &d->params);
      break;
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(type));
  }
  if (!ok) return OpError(ctx, StatusCode::kUnsupported, "unsupported activation or scales");
  req->variant = variant_of(type);
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
