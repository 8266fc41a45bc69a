// HARD_SWISH: x * relu6(x + 3) / 6. float32; int8 with TFLite's 16-bit fixed-point scheme: the
// input (minus its zero point, times 128) is brought to the output scale with one Q0.15 multiplier
// and, separately, to a "relu-ish" factor in [0, 1] (x / 3 saturated to [-1, 1], then halved and
// offset), whose product is the result. The rounding of each step (rounding and truncating high
// multiplies, saturating shifts) is TFLite's, so results are bit-exact with TFLM.
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace hard_swish {
namespace {

struct HardSwishOpData {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t output_shift;        // <= 0
  int32_t reluish_shift;       // either sign
  int16_t output_multiplier;   // Q0.15
  int16_t reluish_multiplier;  // Q0.15
};

// round(a * b / 2^15), ties away from zero; -32768 * -32768 saturates.
int16_t rounding_doubling_high_mul16(int16_t a, int16_t b) {
  if (a == b && a == INT16_MIN) return INT16_MAX;
  const int32_t ab = a * b;
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

// a * b / 2^15 truncated toward zero; -32768 * -32768 saturates.
int16_t truncating_doubling_high_mul16(int16_t a, int16_t b) {
  if (a == b && a == INT16_MIN) return INT16_MAX;
  return static_cast<int16_t>((a * b) / (1 << 15));
}

int16_t saturating_left_shift16(int16_t x, int amount) {
  const int32_t v = x * (1 << amount);
  return static_cast<int16_t>(clamp_i32(v, INT16_MIN, INT16_MAX));
}

// The Q0.31 multiplier rounded to Q0.15 (saturating at the top).
int16_t to_q15(int32_t multiplier) {
  if (multiplier >= INT32_MAX - (1 << 15)) return INT16_MAX;
  return static_cast<int16_t>((multiplier + (1 << 15)) >> 16);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<HardSwishOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_float32_or_int8_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kFloat32) return Status::Ok();
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  // The input times 128 ("hires"), in single precision as TFLite computes the ratios.
  const float hires_input_scale = (1.0f / 128.0f) * in.scale;
  const float reluish_scale = 3.0f / 32768.0f;
  int32_t multiplier = 0;
  int shift = 0;
  quantize_multiplier(static_cast<double>(hires_input_scale / out.scale), &multiplier, &shift);
  if (shift > 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "input scale / output scale must be below 128 (int8 HARD_SWISH)");
  }
  d->output_multiplier = to_q15(multiplier);
  d->output_shift = shift;
  quantize_multiplier(static_cast<double>(hires_input_scale / reluish_scale), &multiplier, &shift);
  d->reluish_multiplier = to_q15(multiplier);
  d->reluish_shift = shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<HardSwishOpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) {
    const float x = input[i];
    const float relu6 = x + 3.0f < 0.0f ? 0.0f : (x + 3.0f > 6.0f ? 6.0f : x + 3.0f);
    output[i] = x * relu6 / 6.0f;
  }
}

void invoke_int8(const OpCall& call) {
  const HardSwishOpData& d = call.data<HardSwishOpData>();
  const int8_t* input = static_cast<const int8_t*>(call.input(0));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) {
    const int16_t hires = static_cast<int16_t>((input[i] - d.input_zero_point) * 128);
    const int16_t on_output_scale = rounding_doubling_high_mul16(hires, d.output_multiplier);
    // x / 3 in Q0.15, saturated to [-1, 1]: shift left all but one bit first, so that any
    // saturation happens in the last shift, after the multiply.
    int16_t reluish = hires;
    if (d.reluish_shift > 0) reluish = saturating_left_shift16(reluish, d.reluish_shift - 1);
    reluish = rounding_doubling_high_mul16(reluish, d.reluish_multiplier);
    if (d.reluish_shift > 0) reluish = saturating_left_shift16(reluish, 1);
    if (d.reluish_shift < 0) {
      reluish = static_cast<int16_t>(rounding_divide_by_pot(reluish, -d.reluish_shift));
    }
    // [-1, 1] -> [0, 1].
    reluish = static_cast<int16_t>((reluish + (1 << 15)) >> 1);
    const int16_t product = truncating_doubling_high_mul16(reluish, on_output_scale);
    const int32_t v = static_cast<int16_t>(rounding_divide_by_pot(product, -d.output_shift) +
                                           d.output_zero_point);
    output[i] = static_cast<int8_t>(clamp_i32(v, -128, 127));
  }
}

}  // namespace hard_swish
}  // namespace reference
}  // namespace kernels
}  // namespace strata
