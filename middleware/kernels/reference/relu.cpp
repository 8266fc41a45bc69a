#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"

namespace strata {
namespace kernels {
namespace reference {

void relu_float32(int32_t count, const float* input, float* output) {
  for (int32_t i = 0; i < count; ++i) output[i] = input[i] < 0.0f ? 0.0f : input[i];
}

void relu_int8(const RequantizeParams& p, int32_t count, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t v =
        p.output_zero_point +
        multiply_by_quantized_multiplier(input[i] - p.input_zero_point, p.multiplier, p.shift);
    output[i] = static_cast<int8_t>(clamp_i32(v, p.act_min, p.act_max));
  }
}

namespace relu {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(unary_same_type_check(ctx, req));
  if (op_data == nullptr) return Status::Ok();
  UnaryOpData* d = static_cast<UnaryOpData*>(op_data);
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kInt8) {
    compute_relu_params_int8(in.scale, in.zero_point, out.scale, out.zero_point,
                             unary_params<RequantizeParams>(d));
  }
  return Status::Ok();
}
void invoke_float32(const OpCall& call) { unary_invoke_float32<relu_float32>(call); }
void invoke_int8(const OpCall& call) { unary_invoke_int8<RequantizeParams, relu_int8>(call); }

}  // namespace relu

}  // namespace reference
}  // namespace kernels
}  // namespace strata
