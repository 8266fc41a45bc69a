#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"

namespace strata {
namespace kernels {
namespace reference {

void relu6_float32(int32_t count, const float* input, float* output) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);
  }
}

void relu6_int8(const RequantizeParams& p, int32_t count, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    output[i] = static_cast<int8_t>(clamp_i32(input[i], p.act_min, p.act_max));
  }
}

namespace relu6 {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(unary_same_type_check(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (in.type == DataType::kInt8 && (in.scale != out.scale || in.zero_point != out.zero_point)) {
    // TFLite's int8 RELU6 only clamps: it is defined for identical in/out quantization.
    return OpError(ctx, StatusCode::kUnsupported,
                   "int8 RELU6 needs equal input/output quantization");
  }
  if (op_data != nullptr) {
    fill_unary_from_input(ctx, static_cast<UnaryOpData*>(op_data), compute_relu6_params_int8);
  }
  return Status::Ok();
}
void invoke_float32(const OpCall& call) { unary_invoke_float32<relu6_float32>(call); }
void invoke_int8(const OpCall& call) { unary_invoke_int8<RequantizeParams, relu6_int8>(call); }

}  // namespace relu6

}  // namespace reference
}  // namespace kernels
}  // namespace strata
