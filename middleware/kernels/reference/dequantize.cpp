#include "common/half.hpp"
#include "common/op_checks.hpp"
#include "common/unary_op.hpp"
#include "reference/quantization.hpp"

namespace strata {
namespace kernels {
namespace reference {

void dequantize_int8_float32(float scale, int32_t zero_point, int32_t count, const int8_t* input,
                             float* output) {
  const double s = scale;
  for (int32_t i = 0; i < count; ++i) {
    output[i] = static_cast<float>(s * (input[i] - zero_point));
  }
}

void dequantize_float16_float32(int32_t count, const uint8_t* input, float* output) {
  half_to_float_array(input, count, output);
}

namespace dequantize {
namespace {

// A constant float16 input is converted once at prepare: the float32 result is the op data.
bool constant_half(const OpContext& ctx) {
  return ctx.input(0).type == DataType::kFloat16 && ctx.input(0).is_constant;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const TensorView& in = ctx.input(0);
  if (in.type != DataType::kFloat16 && in.type != DataType::kInt8) {
    return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                   DataTypeName(in.type));
  }
  STRATA_RETURN_IF_ERROR(unary_check(ctx, in.type, DataType::kFloat32, req));
  if (constant_half(ctx)) {
    req->variant = Variant::kFloat16;  // never invoked: the output is constant
    req->output_is_constant = true;
    STRATA_RETURN_IF_ERROR(require_size(ctx, CheckedSize(ctx.output(0).elements) * 4,
                                        "the folded output", &req->op_data_bytes));
    req->inplace_lead_bytes = -1;
    if (op_data == nullptr) return Status::Ok();
    if (in.data == nullptr) {
      return OpError(ctx, StatusCode::kInternal, "constant float16 input has no data");
    }
    dequantize_float16_float32(static_cast<int32_t>(in.elements),
                               static_cast<const uint8_t*>(in.data), static_cast<float*>(op_data));
    return Status::Ok();
  }
  req->variant = in.type == DataType::kInt8 ? Variant::kInt8 : Variant::kFloat16;
  if (op_data == nullptr) return Status::Ok();
  UnaryOpData* d = static_cast<UnaryOpData*>(op_data);
  d->count = static_cast<int32_t>(in.elements);
  *unary_params<ScaleZeroPoint>(d) = {in.scale, in.zero_point};
  return Status::Ok();
}

void invoke_int8(const OpCall& call) {
  const UnaryOpData& d = call.data<UnaryOpData>();
  const ScaleZeroPoint& q = unary_params<ScaleZeroPoint>(d);
  dequantize_int8_float32(q.scale, q.zero_point, d.count, static_cast<const int8_t*>(call.input(0)),
                          static_cast<float*>(call.output(0)));
}

void invoke_float16(const OpCall& call) {
  dequantize_float16_float32(call.data<UnaryOpData>().count,
                             static_cast<const uint8_t*>(call.input(0)),
                             static_cast<float*>(call.output(0)));
}

}  // namespace dequantize

}  // namespace reference
}  // namespace kernels
}  // namespace strata
