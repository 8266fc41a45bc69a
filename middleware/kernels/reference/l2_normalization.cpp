// L2_NORMALIZATION over the last dimension: x / max(sqrt(sum(x^2)), 1e-6). float32; int8 with
// TFLite's integer inverse square root of the sum of squared (x - zero point), the output with
// scale 1/128 and zero point 0 (TFLite's fixed output quantization). Up to 4-D, no fused
// activation.
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace l2_normalization {
namespace {

struct L2NormOpData {
  int32_t rows;
  int32_t depth;
  int32_t input_zero_point;
  int32_t reserved;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<L2NormOpData> d(req, op_data);
  // In place is fine too: each row is read whole before its outputs are written.
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (in.rank < 1 || in.rank > 4 || in.dims[in.rank - 1] <= 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "input needs rank 1 to 4 and a non-empty last dimension");
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_L2NormOptions() : nullptr;
  if (o != nullptr && o->fused_activation_function() != tflite::ActivationFunctionType_NONE) {
    return OpError(ctx, StatusCode::kUnsupported, "a fused activation is not supported");
  }
  d->depth = in.dims[in.rank - 1];
  d->rows = static_cast<int32_t>(in.elements) / d->depth;
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8) return unsupported_input_type(ctx, "float32, int8");
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  if (out.scale != 1.0f / 128 || out.zero_point != 0) {
    return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/128, zp 0");
  }
  d->input_zero_point = in.zero_point;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const L2NormOpData& d = call.data<L2NormOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t r = 0; r < d.rows; ++r) {
    const float* x = input + r * d.depth;
    float* y = output + r * d.depth;
    float squares = 0.0f;
    for (int32_t c = 0; c < d.depth; ++c) squares += x[c] * x[c];
    float norm = std::sqrt(squares);
    norm = norm < 1e-6f ? 1e-6f : norm;
    for (int32_t c = 0; c < d.depth; ++c) y[c] = x[c] / norm;
  }
}

void invoke_int8(const OpCall& call) {
  const L2NormOpData& d = call.data<L2NormOpData>();
  const int8_t* input = static_cast<const int8_t*>(call.input(0));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  const int kOutputFractionalBits = 7;  // output scale 1/128
  for (int32_t r = 0; r < d.rows; ++r) {
    const int8_t* x = input + r * d.depth;
    int8_t* y = output + r * d.depth;
    int32_t squares = 0;  // wraps beyond 33025 elements a row, as TFLite's int32 sum does
    for (int32_t c = 0; c < d.depth; ++c) {
      const int32_t v = x[c] - d.input_zero_point;
      squares += v * v;
    }
    int32_t multiplier = 0;
    int shift = 0;
    inv_sqrt_quantized_multiplier(squares, &multiplier, &shift);
    for (int32_t c = 0; c < d.depth; ++c) {
      const int32_t v = multiply_by_quantized_multiplier(x[c] - d.input_zero_point, multiplier,
                                                         shift + kOutputFractionalBits);
      y[c] = static_cast<int8_t>(clamp_i32(v, -128, 127));
    }
  }
}

}  // namespace l2_normalization
}  // namespace reference
}  // namespace kernels
}  // namespace strata
