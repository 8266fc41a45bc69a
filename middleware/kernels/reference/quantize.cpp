// QUANTIZE: float32 to int8 or int16 is round(x / scale) + zero point (float division, ties away
// from zero), saturated. Between integer types it requantizes: (q - input zero point) times input
// scale / output scale with TFLite's fixed-point multiplier, plus the output zero point, saturated.
// The integer pairs are TensorFlow Lite Micro's: int8 to int8, uint8, int16, int32; uint8 to int8;
// int16 to int8, int16, int32; int32 to int8, int16. The variant is the input type; invoke switches
// on the output type.
#include <limits>

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace quantize {
namespace {

struct QuantizeOpData {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // input scale / output scale (Q0.31 and shift), integer inputs
  int32_t shift;
  float output_scale;   // float32 input
  uint8_t output_type;  // DataType
  uint8_t reserved[7];
};

bool accepted_pair(DataType in, DataType out) {
  switch (in) {
    case DataType::kFloat32:
      return out == DataType::kInt8 || out == DataType::kInt16;
    case DataType::kInt8:
      return out == DataType::kInt8 || out == DataType::kUInt8 || out == DataType::kInt16 ||
             out == DataType::kInt32;
    case DataType::kUInt8:
      return out == DataType::kInt8;
    case DataType::kInt16:
      return out == DataType::kInt8 || out == DataType::kInt16 || out == DataType::kInt32;
    case DataType::kInt32:
      return out == DataType::kInt8 || out == DataType::kInt16;
    default:
      return false;
  }
}

template <typename To>
void quantize_floats(const QuantizeOpData& d, const float* in, To* out) {
  constexpr int32_t kMin = std::numeric_limits<To>::min();
  constexpr int32_t kMax = std::numeric_limits<To>::max();
  for (int32_t i = 0; i < d.count; ++i) {
    out[i] = static_cast<To>(
        clamp_i32(quantize_value(in[i], d.output_scale, d.output_zero_point), kMin, kMax));
  }
}

template <typename From, typename To>
void requantize(const QuantizeOpData& d, const From* in, To* out) {
  constexpr int32_t kMin = std::numeric_limits<To>::min();
  constexpr int32_t kMax = std::numeric_limits<To>::max();
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t v =
        multiply_by_quantized_multiplier(in[i] - d.input_zero_point, d.multiplier, d.shift) +
        d.output_zero_point;
    out[i] = static_cast<To>(clamp_i32(v, kMin, kMax));
  }
}

template <typename From>
void requantize_from(const OpCall& call) {
  const QuantizeOpData& d = call.data<QuantizeOpData>();
  const From* in = static_cast<const From*>(call.input(0));
  void* out = call.output(0);
  switch (static_cast<DataType>(d.output_type)) {
    case DataType::kInt8:
      return requantize(d, in, static_cast<int8_t*>(out));
    case DataType::kUInt8:
      return requantize(d, in, static_cast<uint8_t*>(out));
    case DataType::kInt16:
      return requantize(d, in, static_cast<int16_t*>(out));
    default:  // kInt32: accepted_pair() admits no other output type
      return requantize(d, in, static_cast<int32_t*>(out));
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<QuantizeOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, out));
  if (!accepted_pair(in.type, out.type)) {
    return OpError(ctx, StatusCode::kUnsupported, "%s to %s is not supported",
                   DataTypeName(in.type), DataTypeName(out.type));
  }
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  d->count = static_cast<int32_t>(in.elements);
  d->output_zero_point = out.zero_point;
  d->output_scale = out.scale;
  d->output_type = static_cast<uint8_t>(out.type);
  req->inplace_lead_bytes = static_cast<int32_t>(
      elementwise_inplace_lead(in.elements, DataTypeSize(in.type), DataTypeSize(out.type)));
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  d->input_zero_point = in.zero_point;
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale),
                      &d->multiplier, &shift);
  d->shift = shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const QuantizeOpData& d = call.data<QuantizeOpData>();
  const float* in = static_cast<const float*>(call.input(0));
  if (static_cast<DataType>(d.output_type) == DataType::kInt8) {
    quantize_floats(d, in, static_cast<int8_t*>(call.output(0)));
  } else {
    quantize_floats(d, in, static_cast<int16_t*>(call.output(0)));
  }
}

void invoke_int8(const OpCall& call) { requantize_from<int8_t>(call); }
void invoke_uint8(const OpCall& call) { requantize_from<uint8_t>(call); }
void invoke_int16(const OpCall& call) { requantize_from<int16_t>(call); }
void invoke_int32(const OpCall& call) { requantize_from<int32_t>(call); }

}  // namespace quantize
}  // namespace reference
}  // namespace kernels
}  // namespace strata
