// RELU: max(x, 0). float32; int8 and int16 requantize x - input zero point to the output scale
// (TFLite's fixed-point multiplier), add the output zero point and clamp below at the output's
// quantized 0. int16 tensors have zero points 0, as TensorFlow Lite Micro requires.
#include <limits>

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace relu {
namespace {

struct ReluOpData {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // input scale / output scale (Q0.31 and shift)
  int32_t shift;
  int32_t act_min;  // the output's quantized 0, at least the type's minimum
};

template <typename T>
void relu_quantized(const ReluOpData& d, const T* input, T* output) {
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t v =
        d.output_zero_point +
        multiply_by_quantized_multiplier(input[i] - d.input_zero_point, d.multiplier, d.shift);
    output[i] = static_cast<T>(clamp_i32(v, d.act_min, std::numeric_limits<T>::max()));
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ReluOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "float32, int8, int16");
  }
  const int32_t type_min = in.type == DataType::kInt8 ? -128 : -32768;
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale),
                      &d->multiplier, &shift);
  d->shift = shift;
  d->act_min = out.zero_point > type_min ? out.zero_point : type_min;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<ReluOpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) output[i] = input[i] < 0.0f ? 0.0f : input[i];
}

void invoke_int8(const OpCall& call) {
  relu_quantized(call.data<ReluOpData>(), static_cast<const int8_t*>(call.input(0)),
                 static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  relu_quantized(call.data<ReluOpData>(), static_cast<const int16_t*>(call.input(0)),
                 static_cast<int16_t*>(call.output(0)));
}

}  // namespace relu
}  // namespace reference
}  // namespace kernels
}  // namespace strata
