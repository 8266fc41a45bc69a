#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"
#include "reference/registry.hpp"

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

namespace {

void invoke_float32(const OpCall& call) {
  tanh_float32(call.data<UnaryOpData>().count, static_cast<const float*>(call.input(0)),
               static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const UnaryOpData& d = call.data<UnaryOpData>();
  tanh_int8(unary_params<SigmoidParams>(d), d.count, static_cast<const int8_t*>(call.input(0)),
            static_cast<int8_t*>(call.output(0)));
}

Status check(const OpContext& ctx, OpRequirements* req) {
  const bool is_int8 = ctx.input(0).type == DataType::kInt8;
  const DataType t = is_int8 ? DataType::kInt8 : DataType::kFloat32;
  STRATA_RETURN_IF_ERROR(unary_check(ctx, t, t, req));
  if (is_int8 && (ctx.output(0).zero_point != 0 || ctx.output(0).scale != 1.0f / 128)) {
    return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/128, zp 0");
  }
  req->invoke = is_int8 ? invoke_int8 : invoke_float32;
  return Status::Ok();
}

Status prepare(const OpContext& ctx, void* op_data) {
  UnaryOpData* d = static_cast<UnaryOpData*>(op_data);
  d->count = static_cast<int32_t>(ctx.input(0).elements);
  if (ctx.input(0).type == DataType::kInt8) {
    compute_tanh_params_int8(ctx.input(0).scale, ctx.input(0).zero_point,
                             unary_params<SigmoidParams>(d));
  }
  return Status::Ok();
}

}  // namespace

extern const Kernel kTanh = {check, prepare};

}  // namespace reference
}  // namespace kernels
}  // namespace strata
