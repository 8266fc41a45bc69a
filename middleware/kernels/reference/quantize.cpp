#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/quantization.hpp"

namespace strata {
namespace kernels {
namespace reference {

void quantize_float32_int8(float scale, int32_t zero_point, int32_t count, const float* input,
                           int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t q = quantize_value(input[i], scale, zero_point);
    output[i] = static_cast<int8_t>(clamp_i32(q, -128, 127));
  }
}

void quantize_int8_int8(const RequantizeParams& p, int32_t count, const int8_t* input,
                        int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t q =
        multiply_by_quantized_multiplier(input[i] - p.input_zero_point, p.multiplier, p.shift) +
        p.output_zero_point;
    output[i] = static_cast<int8_t>(clamp_i32(q, -128, 127));
  }
}

namespace quantize {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const bool from_int8 = ctx.input(0).type == DataType::kInt8;
  STRATA_RETURN_IF_ERROR(
      unary_check(ctx, from_int8 ? DataType::kInt8 : DataType::kFloat32, DataType::kInt8, req));
  req->variant = from_int8 ? Variant::kInt8 : Variant::kFloat32;
  if (op_data == nullptr) return Status::Ok();
  UnaryOpData* d = static_cast<UnaryOpData*>(op_data);
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  if (from_int8) {
    compute_requantize_params_int8(in.scale, in.zero_point, out.scale, out.zero_point,
                                   unary_params<RequantizeParams>(d));
  } else {
    *unary_params<ScaleZeroPoint>(d) = {out.scale, out.zero_point};
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const UnaryOpData& d = call.data<UnaryOpData>();
  const ScaleZeroPoint& q = unary_params<ScaleZeroPoint>(d);
  quantize_float32_int8(q.scale, q.zero_point, d.count, static_cast<const float*>(call.input(0)),
                        static_cast<int8_t*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  unary_invoke_int8<RequantizeParams, quantize_int8_int8>(call);
}

}  // namespace quantize

}  // namespace reference
}  // namespace kernels
}  // namespace strata
