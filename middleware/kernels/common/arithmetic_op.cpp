#include "common/arithmetic_op.hpp"

#include "common/checked_math.hpp"
#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

FusedActivation read_activation(const OpContext& ctx, ArithmeticKind kind) {
  if (ctx.op == nullptr) return FusedActivation::kNone;
  if (kind == ArithmeticKind::kAdd) {
    const auto* o = ctx.op->builtin_options_as_AddOptions();
    return o ? static_cast<FusedActivation>(o->fused_activation_function())
             : FusedActivation::kNone;
  }
  const auto* o = ctx.op->builtin_options_as_MulOptions();
  return o ? static_cast<FusedActivation>(o->fused_activation_function()) : FusedActivation::kNone;
}

Status analyze(const OpContext& ctx, ArithmeticKind kind, ArithmeticOpData* d, bool* is_int8) {
  if (ctx.num_inputs != 2 || !ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects 2 inputs");
  }
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& a = ctx.input(0);
  const TensorView& b = ctx.input(1);
  const TensorView& out = ctx.output(0);
  *is_int8 = a.type == DataType::kInt8;
  const DataType t = *is_int8 ? DataType::kInt8 : DataType::kFloat32;
  STRATA_RETURN_IF_ERROR(check_type(ctx, a, "input 0", t));
  STRATA_RETURN_IF_ERROR(check_type(ctx, b, "input 1", t));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", t));
  if (!compute_broadcast(a.dims, a.rank, b.dims, b.rank, &d->broadcast)) {
    return OpError(ctx, StatusCode::kUnsupported, "shapes of '%s' and '%s' do not broadcast",
                   a.name, b.name);
  }
  // The output must have exactly the broadcast shape (rank max(rank a, rank b)).
  const Broadcast4& bc = d->broadcast;
  const int32_t rank = a.rank > b.rank ? a.rank : b.rank;
  bool same_shape = out.rank == rank;
  for (int32_t i = 0; same_shape && i < rank; ++i) same_shape = out.dims[i] == bc.out[4 - rank + i];
  const CheckedSize count = CheckedSize(bc.out[0]) * bc.out[1] * bc.out[2] * bc.out[3];
  if (!same_shape || !count.ok() || count.value() != out.elements) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' does not have the broadcast shape of '%s' and '%s'", out.name,
                   a.name, b.name);
  }
  d->count = static_cast<int32_t>(count.value());
  d->broadcasts = (a.elements == b.elements && a.elements == out.elements) ? 0 : 1;
  const FusedActivation act = read_activation(ctx, kind);
  bool ok;
  if (*is_int8) {
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, a, "input 0"));
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, b, "input 1"));
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
    ok = kind == ArithmeticKind::kAdd
             ? compute_add_params_int8(a.scale, a.zero_point, b.scale, b.zero_point, out.scale,
                                       out.zero_point, act, &d->params)
             : compute_mul_params_int8(a.scale, a.zero_point, b.scale, b.zero_point, out.scale,
                                       out.zero_point, act, &d->params);
  } else {
    ok = compute_arithmetic_params_float(act, &d->params);
  }
  if (!ok) return OpError(ctx, StatusCode::kUnsupported, "unsupported activation or scales");
  return Status::Ok();
}

}  // namespace

Status arithmetic_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                          ArithmeticKind kind) {
  OpDataRef<ArithmeticOpData> d(req, op_data);
  bool is_int8 = false;
  STRATA_RETURN_IF_ERROR(analyze(ctx, kind, d.get(), &is_int8));
  req->variant = is_int8 ? Variant::kInt8 : Variant::kFloat32;
  if (!d->broadcasts) {
    const uint32_t elem = is_int8 ? 1u : 4u;
    req->inplace_lead_bytes =
        static_cast<int32_t>(elementwise_inplace_lead(static_cast<uint32_t>(d->count), elem, elem));
  }
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
