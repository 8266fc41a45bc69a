// LOGISTIC: 1 / (1 + exp(-x)). float32; int8 with TFLite's fixed-point logistic on the input in
// Q4.27 (output scale 1/256, zero point -128); int16 by linear interpolation in TFLite's sigmoid
// table (input scale rescaled to 1/(3 * 4096) steps; output scale 2^-15, zero points 0). These
// output quantizations are the ones the TFLite converter writes and TFLM's arithmetic assumes.
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/float_sigmoid.hpp"
#include "common/quant_math.hpp"
#include "common/sigmoid_op.hpp"
#include "common/sigmoid_table.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace logistic {
namespace {

void logistic_int8(const SigmoidOpData& d, const int8_t* input, int8_t* output) {
  const SigmoidParams& p = d.params;
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = input[i] - p.input_zero_point;
    if (x <= -p.input_range_radius) {
      output[i] = -128;
    } else if (x >= p.input_range_radius) {
      output[i] = 127;
    } else {
      const int32_t q4 =
          multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      // Q0.31 -> 8 fractional bits (output scale 1/256), zero point -128.
      const int32_t out = rounding_divide_by_pot(logistic_fixed(q4, 4), 23) - 128;
      output[i] = static_cast<int8_t>(clamp_i32(out, -128, 127));
    }
  }
}

// The table holds sigmoid(k / 24) for k >= 0 in Q0.16 (sigmoid(-x) = 1 - sigmoid(x)). The rescaled
// input counts steps of 1/(3 * 4096): 2^9 of them per table entry, the interpolation's fraction.
void logistic_int16(const SigmoidOpData& d, const int16_t* input, int16_t* output) {
  const SigmoidParams& p = d.params;
  const int32_t round = p.input_left_shift > 0 ? 1 << (p.input_left_shift - 1) : 0;
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = (input[i] * p.input_multiplier + round) >> p.input_left_shift;
    const uint32_t abs_x = static_cast<uint32_t>(x < 0 ? -x : x);
    const uint32_t step = abs_x >> 9;
    uint32_t y;  // sigmoid(|x|) in Q0.25
    if (step >= 255) {
      y = 0x7FFFu << 10;
    } else {
      const uint32_t a = kSigmoidTableQ16[step];
      const uint32_t b = kSigmoidTableQ16[step + 1];
      y = (a << 9) + (abs_x & 0x1FFu) * (b - a);
    }
    y = x >= 0 ? y + (1u << 9) : (1u << 25) - y + (1u << 9) - 1;
    output[i] = static_cast<int16_t>(y >> 10);
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return sigmoid_prepare(ctx, req, op_data, SigmoidKind::kLogistic);
}

void invoke_float32(const OpCall& call) {
  logistic_float32(call.data<SigmoidOpData>().count, static_cast<const float*>(call.input(0)),
                   static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  logistic_int8(call.data<SigmoidOpData>(), static_cast<const int8_t*>(call.input(0)),
                static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  logistic_int16(call.data<SigmoidOpData>(), static_cast<const int16_t*>(call.input(0)),
                 static_cast<int16_t*>(call.output(0)));
}

}  // namespace logistic
}  // namespace reference
}  // namespace kernels
}  // namespace strata
