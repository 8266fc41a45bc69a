#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"

namespace strata {
namespace kernels {
namespace reference {

void logistic_float32(int32_t count, const float* input, float* output) {
  // Outside these bounds the float result is exactly 1 (upper) or exp(x) (lower) anyway.
  const float upper = 16.619047164916992188f;
  const float lower = -9.0f;
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    if (v > upper) {
      output[i] = 1.0f;
    } else if (v < lower) {
      output[i] = std::exp(v);
    } else {
      output[i] = 1.0f / (1.0f + std::exp(-v));
    }
  }
}

void logistic_int8(const SigmoidParams& p, int32_t count, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t x = input[i] - p.input_zero_point;
    if (x <= -p.input_range_radius) {
      output[i] = -128;
    } else if (x >= p.input_range_radius) {
      output[i] = 127;
    } else {
      const int32_t q4 =
          multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      const int32_t q0 = logistic_fixed(q4, 4);
      // Q0.31 -> 8 fractional bits (output scale 1/256), zero point -128.
      const int32_t out = rounding_divide_by_pot(q0, 23) - 128;
      output[i] = static_cast<int8_t>(clamp_i32(out, -128, 127));
    }
  }
}

namespace logistic {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(unary_same_type_check(ctx, req));
  STRATA_RETURN_IF_ERROR(check_fixed_int8_output(ctx, 256, -128));
  if (op_data != nullptr) {
    fill_unary_from_input(ctx, static_cast<UnaryOpData*>(op_data), compute_logistic_params_int8);
  }
  return Status::Ok();
}
void invoke_float32(const OpCall& call) { unary_invoke_float32<logistic_float32>(call); }
void invoke_int8(const OpCall& call) { unary_invoke_int8<SigmoidParams, logistic_int8>(call); }

}  // namespace logistic

}  // namespace reference
}  // namespace kernels
}  // namespace strata
