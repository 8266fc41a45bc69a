#include "common/pool_op.hpp"

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

// TFLite accepts pooling input and output scales that differ by rounding noise.
constexpr double kScaleTolerance = 1.0e-6;

Status analyze(const OpContext& ctx, PoolOpData* d) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_Pool2DOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing Pool2DOptions");
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  if (in.type == DataType::kInt8 || in.type == DataType::kInt16) {
    STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
    STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
    const double diff = static_cast<double>(in.scale) - static_cast<double>(out.scale);
    if (diff > kScaleTolerance || diff < -kScaleTolerance || in.zero_point != out.zero_point) {
      return OpError(ctx, StatusCode::kUnsupported, "input and output quantization differ");
    }
  } else {
    STRATA_RETURN_IF_ERROR(check_type(ctx, in, "input", DataType::kFloat32));
  }
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, in, "input", &d->input));
  int32_t out_h = 0;
  int32_t out_w = 0;
  if (!compute_pool_geometry(static_cast<Padding>(o->padding()), o->stride_h(), o->stride_w(),
                             o->filter_height(), o->filter_width(), d->input.h, d->input.w,
                             &d->params, &out_h, &out_w)) {
    return OpError(ctx, StatusCode::kMalformedModel, "invalid pooling window or stride");
  }
  d->output = {d->input.n, out_h, out_w, d->input.c};
  STRATA_RETURN_IF_ERROR(check_dims4(ctx, out, "output", d->output));
  const auto act = static_cast<FusedActivation>(o->fused_activation_function());
  if (!compute_pool_activation(act, in.type, out.scale, out.zero_point, &d->params)) {
    return OpError(ctx, StatusCode::kUnsupported, "unsupported fused activation");
  }
  return Status::Ok();
}

}  // namespace

Status pool_prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<PoolOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(analyze(ctx, d.get()));
  const DataType type = ctx.input(0).type;
  req->variant = type == DataType::kInt8    ? Variant::kInt8
                 : type == DataType::kInt16 ? Variant::kInt16
                                            : Variant::kFloat32;
  const uint32_t pixel = static_cast<uint32_t>(d->input.c) * DataTypeSize(type);
  const WindowGeometry wg = {d->input.n,
                             d->input.h,
                             d->input.w,
                             d->output.h,
                             d->output.w,
                             d->params.stride_h,
                             d->params.stride_w,
                             d->params.pad_h,
                             d->params.pad_w,
                             pixel,
                             pixel};
  req->inplace_lead_bytes = static_cast<int32_t>(WindowInplaceLead(wg));
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
