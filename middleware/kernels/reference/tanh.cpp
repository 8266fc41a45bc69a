#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"

namespace strata {
namespace kernels {
namespace reference {

void tanh_float32(int32_t count, const float* input, float* output) {
  for (int32_t i = 0; i < count; ++i) output[i] = std::tanh(input[i]);
}

void tanh_int8(const SigmoidParams& p, int32_t count, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t x = input[i] - p.input_zero_point;
    if (x <= -p.input_range_radius) {
      output[i] = -128;
    } else if (x >= p.input_range_radius) {
      output[i] = 127;
    } else {
      const int32_t q4 =
          multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      const int32_t q0 = tanh_fixed(q4, 4);
      // Q0.31 -> 7 fractional bits (output scale 1/128), zero point 0.
      output[i] = static_cast<int8_t>(clamp_i32(rounding_divide_by_pot(q0, 24), -128, 127));
    }
  }
}

namespace tanh {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(unary_same_type_check(ctx, req));
  STRATA_RETURN_IF_ERROR(check_fixed_int8_output(ctx, 128, 0));
  if (op_data != nullptr) {
    fill_unary_from_input(ctx, static_cast<UnaryOpData*>(op_data), compute_tanh_params_int8);
  }
  return Status::Ok();
}
void invoke_float32(const OpCall& call) { unary_invoke_float32<tanh_float32>(call); }
void invoke_int8(const OpCall& call) { unary_invoke_int8<SigmoidParams, tanh_int8>(call); }

}  // namespace tanh

}  // namespace reference
}  // namespace kernels
}  // namespace strata
