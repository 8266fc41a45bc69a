// Prepare-time parameters of the fixed-point activation kernels: SOFTMAX and LOG_SOFTMAX (int8),
// LOGISTIC and TANH (int8, int16).
//
// The scaling choices (Q5.26 input for softmax exp, Q4.27 for logistic/tanh, the input radius
// beyond which the output saturates) are the ones TensorFlow Lite uses, which the bit-exact
// kernels depend on. Arena-resident: fixed-width fields only.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

struct SoftmaxParams {
  int32_t input_multiplier;  // int8: beta * input_scale in Q5.26 steps, as multiplier/left shift
  int16_t input_left_shift;  // within [-31, 30] (quantize_multiplier)
  int16_t int16_output;      // int8 input: 1 when the output is int16
  int32_t diff_min;          // int8: inputs further than this below the row max contribute nothing
  float beta;                // float32
};
static_assert(sizeof(SoftmaxParams) == 16, "arena-resident layout");

// LOGISTIC and TANH. int8: the input in Q4.27 (multiplier and shift), saturating beyond the
// radius. int16: the input rescaled to steps of 1/(3 * 4096) by (x * multiplier + rounding) >>
// shift (a 16-bit multiplier, right shift), the scale of the interpolated sigmoid table.
struct SigmoidParams {
  int32_t input_zero_point;
  int32_t input_range_radius;  // int8: |input - zp| at or beyond this saturates
  int32_t input_multiplier;
  int32_t input_left_shift;  // int8: left shift of the multiplier; int16: right shift
};
static_assert(sizeof(SigmoidParams) == 16, "arena-resident layout");

// Returns false when the output is not int8 with scale 1/256 and zero point -128 is not met
// by the caller; here only the math: beta and the input scale.
void compute_softmax_params_int8(float beta, float input_scale, SoftmaxParams* p);

void compute_logistic_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p);
void compute_tanh_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p);

// int16 (zero points 0): TFLite's rescale, with its shortcut for power-of-two input scales (exact
// multiples of 3, which LOGISTIC takes for 2^-12 and TANH for 2^-12 and 2^-11). False when the
// scale is too large for the 16-bit multiplier (above 32767 / (3 * 4096)).
bool compute_logistic_params_int16(float input_scale, SigmoidParams* p);
bool compute_tanh_params_int16(float input_scale, SigmoidParams* p);

// floor((2^integer_bits - 1) * 2^(31 - integer_bits) / 2^left_shift): the largest input
// difference whose rescaled value still fits.
int32_t compute_input_radius(int integer_bits, int left_shift);

}  // namespace kernels
}  // namespace strata
