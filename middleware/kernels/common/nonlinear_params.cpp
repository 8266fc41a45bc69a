#include "common/nonlinear_params.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

// Multiplier/shift of input_scale * 2^(31 - integer_bits), the Q(integer_bits) rescale used by
// LOGISTIC and TANH.
void sigmoid_like(float input_scale, int32_t input_zero_point, SigmoidParams* p) {
  const int integer_bits = 4;
  const double real = static_cast<double>(input_scale) * static_cast<double>(1 << (31 - 4));
  int shift = 0;
  quantize_multiplier(real, &p->input_multiplier, &shift);
  p->input_left_shift = shift;
  p->input_zero_point = input_zero_point;
  p->input_range_radius = compute_input_radius(integer_bits, shift);
}

}  // namespace

int32_t compute_input_radius(int integer_bits, int left_shift) {
  const double max_rescaled = 1.0 * ((1 << integer_bits) - 1) *
                              static_cast<double>(INT64_C(1) << (31 - integer_bits)) /
                              static_cast<double>(INT64_C(1) << left_shift);
  // floor for the non-negative value: truncation.
  return static_cast<int32_t>(max_rescaled);
}

void compute_softmax_params_int8(float beta, float input_scale, SoftmaxParams* p) {
  const int integer_bits = 5;
  double real = static_cast<double>(beta) * static_cast<double>(input_scale) *
                static_cast<double>(1 << (31 - integer_bits));
  const double max_real = 2147483647.0;  // (1 << 31) - 1
  if (real > max_real) real = max_real;
  int shift = 0;
  quantize_multiplier(real, &p->input_multiplier, &shift);
  p->input_left_shift = shift;
  p->diff_min = -compute_input_radius(integer_bits, shift);
  p->beta = beta;
}

void compute_logistic_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p) {
  sigmoid_like(input_scale, input_zero_point, p);
}

void compute_tanh_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p) {
  sigmoid_like(input_scale, input_zero_point, p);
}

void compute_relu_params_int8(float in_scale, int32_t in_zp, float out_scale, int32_t out_zp,
                              RequantizeParams* p) {
  const double real = static_cast<double>(in_scale) / static_cast<double>(out_scale);
  int shift = 0;
  quantize_multiplier(real, &p->multiplier, &shift);
  p->shift = shift;
  p->input_zero_point = in_zp;
  p->output_zero_point = out_zp;
  const int32_t q0 = out_zp + round_to_i32(0.0f / out_scale);
  p->act_min = q0 > -128 ? q0 : -128;
  p->act_max = 127;
}

void compute_relu6_params_int8(float in_scale, int32_t in_zp, RequantizeParams* p) {
  p->input_zero_point = in_zp;
  p->output_zero_point = in_zp;
  p->multiplier = 0;
  p->shift = 0;
  p->act_min = in_zp;
  p->act_max = clamp_i32(quantize_value(6.0f, in_scale, in_zp), -128, 127);
}

void compute_requantize_params_int8(float in_scale, int32_t in_zp, float out_scale, int32_t out_zp,
                                    RequantizeParams* p) {
  const double real = static_cast<double>(in_scale) / static_cast<double>(out_scale);
  int shift = 0;
  quantize_multiplier(real, &p->multiplier, &shift);
  p->shift = shift;
  p->input_zero_point = in_zp;
  p->output_zero_point = out_zp;
  p->act_min = -128;
  p->act_max = 127;
}

}  // namespace kernels
}  // namespace strata
