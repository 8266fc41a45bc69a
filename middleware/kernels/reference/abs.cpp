// ABS: |x| element by element. float32, and int8/int16 with TFLite's requantization: the absolute
// value is taken in the input's integer domain (x - input zero point) and moved to the output's
// scale only when the scales differ (int16 tensors have zero points 0).
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace abs {
namespace {

struct AbsOpData {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // input scale / output scale (Q0.31 and shift); 0 when the scales are equal
  int32_t shift;
  int32_t reserved;
};

template <typename T>
void abs_quantized(const AbsOpData& d, const T* input, T* output) {
  constexpr int32_t kMin = -(1 << (8 * sizeof(T) - 1));
  constexpr int32_t kMax = (1 << (8 * sizeof(T) - 1)) - 1;
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = input[i] - d.input_zero_point;
    const int32_t v = x < 0 ? -x : x;
    const int32_t scaled =
        d.multiplier != 0 ? multiply_by_quantized_multiplier(v, d.multiplier, d.shift) : v;
    output[i] = static_cast<T>(clamp_i32(scaled + d.output_zero_point, kMin, kMax));
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<AbsOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  d->count = static_cast<int32_t>(in.elements);
  req->inplace_lead_bytes = static_cast<int32_t>(
      elementwise_inplace_lead(in.elements, DataTypeSize(in.type), DataTypeSize(in.type)));
  switch (in.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kInt8:
    case DataType::kInt16:
      req->variant = in.type == DataType::kInt8 ? Variant::kInt8 : Variant::kInt16;
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
      d->input_zero_point = in.zero_point;
      d->output_zero_point = out.zero_point;
      if (in.scale != out.scale) {
        int shift = 0;
        quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale),
                            &d->multiplier, &shift);
        d->shift = shift;
      }
      return Status::Ok();
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(in.type));
  }
}

void invoke_float32(const OpCall& call) {
  const AbsOpData& d = call.data<AbsOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) output[i] = input[i] < 0.0f ? -input[i] : input[i];
}

void invoke_int8(const OpCall& call) {
  abs_quantized(call.data<AbsOpData>(), static_cast<const int8_t*>(call.input(0)),
                static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  abs_quantized(call.data<AbsOpData>(), static_cast<const int16_t*>(call.input(0)),
                static_cast<int16_t*>(call.output(0)));
}

}  // namespace abs
}  // namespace reference
}  // namespace kernels
}  // namespace strata
