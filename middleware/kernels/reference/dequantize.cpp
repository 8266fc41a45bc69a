// DEQUANTIZE: int8, uint8 and int16 to float32 as scale * (q - zero point) in single precision, as
// TensorFlow Lite Micro's reference kernel computes it. float16 to float32 is an exact widening. A
// constant float16 input (the weights of a float16 model) is elided by the interpreter when every
// consumer reads float16 weights itself (widens_half_constant, kernel.hpp); otherwise it is
// converted once at prepare, its float32 values becoming the op data, so invoke never runs for it.
#include "common/half.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace dequantize {
namespace {

struct DequantizeOpData {
  int32_t count;
  int32_t zero_point;
  float scale;
  int32_t reserved;
};

template <typename T>
void dequantize_all(const OpCall& call) {
  const DequantizeOpData& d = call.data<DequantizeOpData>();
  const T* in = static_cast<const T*>(call.input(0));
  float* out = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) {
    out[i] = d.scale * static_cast<float>(static_cast<int32_t>(in[i]) - d.zero_point);
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", DataType::kFloat32));
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, out));
  if (in.type == DataType::kFloat16 && in.is_constant) {
    req->variant = Variant::kFloat16;  // never invoked: the output is constant
    req->output_is_constant = true;
    req->widens_half_constant = true;
    STRATA_RETURN_IF_ERROR(
        require_size(ctx, CheckedSize(out.elements) * 4, "the folded output", &req->op_data_bytes));
    if (op_data == nullptr) return Status::Ok();
    if (in.data == nullptr) {
      return OpError(ctx, StatusCode::kInternal, "constant float16 input has no data");
    }
    half_to_float_array(static_cast<const uint8_t*>(in.data), static_cast<int32_t>(in.elements),
                        static_cast<float*>(op_data));
    return Status::Ok();
  }
  OpDataRef<DequantizeOpData> d(req, op_data);
  if (in.type != DataType::kFloat16 && in.type != DataType::kInt8 && in.type != DataType::kUInt8 &&
      in.type != DataType::kInt16) {
    return unsupported_input_type(ctx, "int8, uint8, int16, float16");
  }
  d->count = static_cast<int32_t>(in.elements);
  req->inplace_lead_bytes =
      static_cast<int32_t>(elementwise_inplace_lead(in.elements, DataTypeSize(in.type), 4));
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat16) return Status::Ok();
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  d->zero_point = in.zero_point;
  d->scale = in.scale;
  return Status::Ok();
}

void invoke_int8(const OpCall& call) { dequantize_all<int8_t>(call); }
void invoke_uint8(const OpCall& call) { dequantize_all<uint8_t>(call); }
void invoke_int16(const OpCall& call) { dequantize_all<int16_t>(call); }

void invoke_float16(const OpCall& call) {
  half_to_float_array(static_cast<const uint8_t*>(call.input(0)),
                      call.data<DequantizeOpData>().count, static_cast<float*>(call.output(0)));
}

}  // namespace dequantize
}  // namespace reference
}  // namespace kernels
}  // namespace strata
