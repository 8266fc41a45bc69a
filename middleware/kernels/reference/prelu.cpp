// PRELU: x for x >= 0, alpha * x otherwise, alpha broadcast against the input (numpy rules, up to
// 6-D). float32 (float alpha); int8 (int8 alpha) and int16 (int8 alpha) with two TFLite
// multipliers: input scale / output scale for x >= 0, input scale * alpha scale / output scale for
// the product (x - input zp) * (alpha - alpha zp) below, then the output zero point, saturated.
#include <limits>

#include "common/broadcast.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace prelu {
namespace {

struct PreluOpData {
  BroadcastPlan broadcast;  // the walk of input (operand 0) and alpha (operand 1) over the output
  int32_t input_zero_point;
  int32_t alpha_zero_point;
  int32_t output_zero_point;
  int32_t identity_multiplier;  // x >= 0
  int32_t identity_shift;
  int32_t alpha_multiplier;  // x < 0
  int32_t alpha_shift;
  int32_t reserved;
};

template <typename T>
void prelu_quantized(const OpCall& call) {
  const PreluOpData& d = call.data<PreluOpData>();
  const T* input = static_cast<const T*>(call.input(0));
  const int8_t* alpha = static_cast<const int8_t*>(call.input(1));
  T* output = static_cast<T*>(call.output(0));
  broadcast_for_each(d.broadcast, [&](int32_t o, int32_t i, int32_t a, int32_t) {
    const int32_t x = input[i] - d.input_zero_point;
    const int32_t scaled =
        x >= 0 ? multiply_by_quantized_multiplier(x, d.identity_multiplier, d.identity_shift)
               : multiply_by_quantized_multiplier(x * (alpha[a] - d.alpha_zero_point),
                                                  d.alpha_multiplier, d.alpha_shift);
    output[o] =
        static_cast<T>(clamp_i32(scaled + d.output_zero_point, std::numeric_limits<T>::min(),
                                 std::numeric_limits<T>::max()));
  });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<PreluOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& alpha = ctx.input(1);
  const TensorView& out = ctx.output(0);
  if (!alpha.present()) return OpError(ctx, StatusCode::kMalformedModel, "alpha input is missing");
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const TensorView* operands[2] = {&in, &alpha};
  STRATA_RETURN_IF_ERROR(
      plan_broadcast(ctx, operands, 2, out, BroadcastOutput::kBroadcastShape, &d->broadcast));
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return check_type(ctx, alpha, "alpha", DataType::kFloat32);
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "float32, int8, int16");
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, alpha, "alpha", DataType::kInt8));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, alpha, "alpha"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  d->input_zero_point = in.zero_point;
  d->alpha_zero_point = alpha.zero_point;
  d->output_zero_point = out.zero_point;
  const double in_scale = in.scale;
  const double out_scale = out.scale;
  int shift = 0;
  quantize_multiplier(in_scale / out_scale, &d->identity_multiplier, &shift);
  d->identity_shift = shift;
  quantize_multiplier(in_scale * static_cast<double>(alpha.scale) / out_scale, &d->alpha_multiplier,
                      &shift);
  d->alpha_shift = shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const PreluOpData& d = call.data<PreluOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  const float* alpha = static_cast<const float*>(call.input(1));
  float* output = static_cast<float*>(call.output(0));
  broadcast_for_each(d.broadcast, [&](int32_t o, int32_t i, int32_t a, int32_t) {
    output[o] = input[i] >= 0.0f ? input[i] : input[i] * alpha[a];
  });
}

void invoke_int8(const OpCall& call) { prelu_quantized<int8_t>(call); }
void invoke_int16(const OpCall& call) { prelu_quantized<int16_t>(call); }

}  // namespace prelu
}  // namespace reference
}  // namespace kernels
}  // namespace strata
