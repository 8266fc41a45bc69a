// Prepare-time parameters of the int8 activation kernels: SOFTMAX, LOGISTIC, TANH, RELU, RELU6,
// and of int8 -> int8 QUANTIZE (requantization).
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
  int32_t input_left_shift;
  int32_t diff_min;  // int8: inputs further than this below the row max contribute nothing
  float beta;        // float32
};
static_assert(sizeof(SoftmaxParams) == 16, "arena-resident layout");

// LOGISTIC and TANH (int8).
struct SigmoidParams {
  int32_t input_zero_point;
  int32_t input_range_radius;  // |input - zp| at or beyond this saturates
  int32_t input_multiplier;    // input_scale * 2^27 as multiplier/shift
  int32_t input_left_shift;
};
static_assert(sizeof(SigmoidParams) == 16, "arena-resident layout");

// RELU (int8, with rescale), RELU6 (int8, same scale: clamp only), QUANTIZE int8 -> int8.
struct RequantizeParams {
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;
  int32_t shift;
  int32_t act_min;
  int32_t act_max;
};
static_assert(sizeof(RequantizeParams) == 24, "arena-resident layout");

// Returns false when the output is not int8 with scale 1/256 and zero point -128 is not met
// by the caller; here only the math: beta and the input scale.
void compute_softmax_params_int8(float beta, float input_scale, SoftmaxParams* p);

void compute_logistic_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p);
void compute_tanh_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p);

// RELU: requantize input -> output, then clamp to [max(-128, q(0)), 127].
void compute_relu_params_int8(float in_scale, int32_t in_zp, float out_scale, int32_t out_zp,
                              RequantizeParams* p);
// RELU6 (TFLM clamps in the input's domain without rescaling): [zp, q(6)].
void compute_relu6_params_int8(float in_scale, int32_t in_zp, RequantizeParams* p);
// QUANTIZE int8 -> int8.
void compute_requantize_params_int8(float in_scale, int32_t in_zp, float out_scale, int32_t out_zp,
                                    RequantizeParams* p);

// floor((2^integer_bits - 1) * 2^(31 - integer_bits) / 2^left_shift): the largest input
// difference whose rescaled value still fits.
int32_t compute_input_radius(int integer_bits, int left_shift);

}  // namespace kernels
}  // namespace strata
