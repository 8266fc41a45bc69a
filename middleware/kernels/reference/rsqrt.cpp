// RSQRT: 1 / sqrt(x). float32; int8 with TFLite's integer inverse square root of x - input zero
// point, rescaled by 1 / (sqrt(input scale) * output scale). TensorFlow Lite Micro fails the invoke
// on a negative x; here (invoke cannot fail) a negative x gives the result of x = 1, and x = 0 the
// int8 maximum, as TFLM does for 0.
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace rsqrt {
namespace {

constexpr int kInvokeShift = 20;  // headroom that keeps the intermediate an integer

struct RsqrtOpData {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // 1 / (sqrt(input scale) * output scale) (Q0.31 and shift)
  int32_t shift;
  int32_t reserved;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<RsqrtOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_float32_or_int8_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kFloat32) return Status::Ok();
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  int shift = 0;
  quantize_multiplier(
      1.0 / (std::sqrt(static_cast<double>(in.scale)) * static_cast<double>(out.scale)),
      &d->multiplier, &shift);
  // Invoke divides by 2^(kInvokeShift - shift) a value of at most 2^20 in magnitude (1 / sqrt(x)
  // scaled by 2^kInvokeShift): from 2^31 on the quotient rounds to 0, so a larger divisor (a tiny
  // scale ratio, where the reference shifts past 31 bits: undefined) is held at 2^31, same result.
  d->shift = shift < kInvokeShift - 31 ? kInvokeShift - 31 : shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<RsqrtOpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) output[i] = 1.0f / std::sqrt(input[i]);
}

void invoke_int8(const OpCall& call) {
  const RsqrtOpData& d = call.data<RsqrtOpData>();
  const int8_t* input = static_cast<const int8_t*>(call.input(0));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = input[i] - d.input_zero_point;
    if (x == 0) {
      output[i] = 127;
      continue;
    }
    int32_t inv_sqrt_multiplier = 0;
    int inv_sqrt_shift = 0;
    inv_sqrt_quantized_multiplier(x, &inv_sqrt_multiplier, &inv_sqrt_shift);
    const int32_t scaled =
        multiply_by_quantized_multiplier(1, inv_sqrt_multiplier, inv_sqrt_shift + kInvokeShift);
    const int32_t v =
        multiply_by_quantized_multiplier(scaled, d.multiplier, d.shift - kInvokeShift) +
        d.output_zero_point;
    output[i] = static_cast<int8_t>(clamp_i32(v, -128, 127));
  }
}

}  // namespace rsqrt
}  // namespace reference
}  // namespace kernels
}  // namespace strata
