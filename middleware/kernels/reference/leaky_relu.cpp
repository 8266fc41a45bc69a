// LEAKY_RELU: x for x > 0, alpha * x otherwise. float32; int8 and int16 requantize x - input zero
// point with one of two TFLite multipliers, input scale / output scale for x >= 0 and input scale *
// alpha / output scale below (alpha may be negative or above 1), computed in single precision as
// TensorFlow Lite Micro does, then add the output zero point and saturate.
#include <limits>

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace leaky_relu {
namespace {

struct LeakyReluOpData {
  int32_t count;
  float alpha;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t identity_multiplier;  // x >= 0
  int32_t identity_shift;
  int32_t alpha_multiplier;  // x < 0
  int32_t alpha_shift;
};

template <typename T>
void leaky_relu_quantized(const LeakyReluOpData& d, const T* input, T* output) {
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = input[i] - d.input_zero_point;
    const int32_t scaled =
        x >= 0 ? multiply_by_quantized_multiplier(x, d.identity_multiplier, d.identity_shift)
               : multiply_by_quantized_multiplier(x, d.alpha_multiplier, d.alpha_shift);
    output[i] =
        static_cast<T>(clamp_i32(d.output_zero_point + scaled, std::numeric_limits<T>::min(),
                                 std::numeric_limits<T>::max()));
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<LeakyReluOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_LeakyReluOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "has no LeakyReluOptions");
  d->alpha = o->alpha();
  d->count = static_cast<int32_t>(in.elements);
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "float32, int8, int16");
  }
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale * d->alpha / out.scale), &d->alpha_multiplier,
                      &shift);
  d->alpha_shift = shift;
  quantize_multiplier(static_cast<double>(in.scale / out.scale), &d->identity_multiplier, &shift);
  d->identity_shift = shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const LeakyReluOpData& d = call.data<LeakyReluOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) output[i] = input[i] > 0.0f ? input[i] : input[i] * d.alpha;
}

void invoke_int8(const OpCall& call) {
  leaky_relu_quantized(call.data<LeakyReluOpData>(), static_cast<const int8_t*>(call.input(0)),
                       static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  leaky_relu_quantized(call.data<LeakyReluOpData>(), static_cast<const int16_t*>(call.input(0)),
                       static_cast<int16_t*>(call.output(0)));
}

}  // namespace leaky_relu
}  // namespace reference
}  // namespace kernels
}  // namespace strata
