#include "common/sigmoid_op.hpp"

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {

Status sigmoid_prepare(const OpContext& ctx, OpRequirements* req, void* op_data, SigmoidKind kind) {
  OpDataRef<SigmoidOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "float32, int8, int16");
  }
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  const bool logistic = kind == SigmoidKind::kLogistic;
  if (in.type == DataType::kInt8) {
    // LOGISTIC's [0, 1) and TANH's [-1, 1) spread over the int8 range.
    const int32_t zero_point = logistic ? -128 : 0;
    const float scale = logistic ? 1.0f / 256 : 1.0f / 128;
    if (out.zero_point != zero_point || out.scale != scale) {
      return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/%d, zp %d",
                     logistic ? 256 : 128, static_cast<int>(zero_point));
    }
    if (logistic) {
      compute_logistic_params_int8(in.scale, in.zero_point, &d->params);
    } else {
      compute_tanh_params_int8(in.scale, in.zero_point, &d->params);
    }
    return Status::Ok();
  }
  int exponent = 0;
  if (!checked_log2(out.scale, &exponent) || exponent != -15) {
    return OpError(ctx, StatusCode::kUnsupported, "int16 output must have scale 2^-15");
  }
  const bool ok = logistic ? compute_logistic_params_int16(in.scale, &d->params)
                           : compute_tanh_params_int16(in.scale, &d->params);
  if (!ok) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "int16 input scale is too large (at most 32767 / (3 * 4096))");
  }
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
