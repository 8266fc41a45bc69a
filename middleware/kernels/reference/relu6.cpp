// RELU6: min(max(x, 0), 6). float32; int8 and int16 clamp in the input's quantized domain to
// [zero point, quantized 6] without rescaling, as TensorFlow Lite Micro does, so the output must
// have the input's quantization (TFLM would silently ignore a different one).
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace relu6 {
namespace {

struct Relu6OpData {
  int32_t count;
  int32_t zero;  // quantized 0 and 6
  int32_t six;
  int32_t reserved;
};

template <typename T>
void relu6_quantized(const Relu6OpData& d, const T* input, T* output) {
  for (int32_t i = 0; i < d.count; ++i)
    output[i] = static_cast<T>(clamp_i32(input[i], d.zero, d.six));
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<Relu6OpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "float32, int8, int16");
  }
  const int32_t type_max = in.type == DataType::kInt8 ? 127 : 32767;
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  if (in.scale != out.scale || in.zero_point != out.zero_point) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "quantized RELU6 needs the output quantized like the input");
  }
  d->zero = in.zero_point;
  d->six = clamp_i32(quantize_value(6.0f, in.scale, in.zero_point), -type_max - 1, type_max);
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<Relu6OpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);
  }
}

void invoke_int8(const OpCall& call) {
  relu6_quantized(call.data<Relu6OpData>(), static_cast<const int8_t*>(call.input(0)),
                  static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  relu6_quantized(call.data<Relu6OpData>(), static_cast<const int16_t*>(call.input(0)),
                  static_cast<int16_t*>(call.output(0)));
}

}  // namespace relu6
}  // namespace reference
}  // namespace kernels
}  // namespace strata
