// TANH. float32; int8 with TFLite's fixed-point tanh on the input in Q4.27 (output scale 1/128,
// zero point 0); int16 through TFLite's sigmoid table, tanh(x) = 2 sigmoid(2x) - 1 (input rescaled
// to 1/(3 * 4096) steps; output scale 2^-15, zero points 0). These output quantizations are the
// ones the TFLite converter writes and TFLM's arithmetic assumes.
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/float_sigmoid.hpp"
#include "common/quant_math.hpp"
#include "common/sigmoid_op.hpp"
#include "common/sigmoid_table.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace tanh {
namespace {

void tanh_int8(const SigmoidOpData& d, const int8_t* input, int8_t* output) {
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
      // Q0.31 -> 7 fractional bits (output scale 1/128), zero point 0.
      output[i] =
          static_cast<int8_t>(clamp_i32(rounding_divide_by_pot(tanh_fixed(q4, 4), 24), -128, 127));
    }
  }
}

// As LOGISTIC's int16 kernel with the input doubled: 2^8 rescaled steps per table entry.
void tanh_int16(const SigmoidOpData& d, const int16_t* input, int16_t* output) {
  const SigmoidParams& p = d.params;
  const int32_t round = p.input_left_shift > 0 ? 1 << (p.input_left_shift - 1) : 0;
  for (int32_t i = 0; i < d.count; ++i) {
    const int32_t x = (input[i] * p.input_multiplier + round) >> p.input_left_shift;
    const uint32_t abs_x = static_cast<uint32_t>(x < 0 ? -x : x);
    const uint32_t step = abs_x >> 8;
    int32_t y;  // sigmoid(2 |x|) in Q0.24
    if (step >= 255) {
      y = 0xFFFF << 8;
    } else {
      const uint32_t a = kSigmoidTableQ16[step];
      const uint32_t b = kSigmoidTableQ16[step + 1];
      y = static_cast<int32_t>((a << 8) + (abs_x & 0xFFu) * (b - a));
    }
    // 2 sigmoid - 1 with the sign of x, rounded, down to Q0.15.
    y = x >= 0 ? y - (1 << 23) + (1 << 7) : -y + (1 << 23) + (1 << 7) - 1;
    output[i] = static_cast<int16_t>(y >> 8);
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return sigmoid_prepare(ctx, req, op_data, SigmoidKind::kTanh);
}

void invoke_float32(const OpCall& call) {
  tanh_float32(call.data<SigmoidOpData>().count, static_cast<const float*>(call.input(0)),
               static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  tanh_int8(call.data<SigmoidOpData>(), static_cast<const int8_t*>(call.input(0)),
            static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  tanh_int16(call.data<SigmoidOpData>(), static_cast<const int16_t*>(call.input(0)),
             static_cast<int16_t*>(call.output(0)));
}

}  // namespace tanh
}  // namespace reference
}  // namespace kernels
}  // namespace strata
