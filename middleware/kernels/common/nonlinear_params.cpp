#include "common/nonlinear_params.hpp"

#include <cstdint>

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

// The int16 rescale to 1/(3 * 4096) steps. A power-of-two scale 2^(shift - 12) with shift in
// [0, max_exact_shift] multiplies by 3 << shift exactly; otherwise the multiplier is scale * 3 *
// 4096 doubled (one more right shift each time) until it exceeds 32767 / 2, truncated.
bool sigmoid_like_int16(float input_scale, int max_exact_shift, SigmoidParams* p) {
  const int kInputIntegerBits = 3;
  int exponent = 0;
  const bool power_of_two = checked_log2(input_scale, &exponent);
  const int shift = (15 - kInputIntegerBits) + exponent;
  p->input_zero_point = 0;
  p->input_range_radius = 0;
  if (power_of_two && shift >= 0 && shift <= max_exact_shift) {
    p->input_multiplier = 3 << shift;
    p->input_left_shift = 0;
    return true;
  }
  double multiplier = static_cast<double>(input_scale) * 4096.0 * 3.0;
  int right_shift = 0;
  while (multiplier <= 32767.0 / 2.0 && right_shift <= 30) {
    ++right_shift;
    multiplier *= 2.0;
  }
  if (!(multiplier <= 32767.0)) return false;
  p->input_multiplier = static_cast<int32_t>(multiplier);
  p->input_left_shift = right_shift;
  return true;
}

}  // namespace

bool compute_logistic_params_int16(float input_scale, SigmoidParams* p) {
  return sigmoid_like_int16(input_scale, 0, p);
}

bool compute_tanh_params_int16(float input_scale, SigmoidParams* p) {
  return sigmoid_like_int16(input_scale, 1, p);
}

int32_t compute_input_radius(int integer_bits, int left_shift) {
  // (2^integer_bits - 1) * 2^(31 - integer_bits) / 2^left_shift. A tiny input scale gives a
  // negative left_shift, and the radius then exceeds int32 (every input is inside it).
  const int exponent = 31 - integer_bits - left_shift;
  if (exponent >= 31) return INT32_MAX;
  const int down = -exponent > 62 ? 62 : -exponent;
  const double power = exponent >= 0 ? static_cast<double>(INT64_C(1) << exponent)
                                     : 1.0 / static_cast<double>(INT64_C(1) << down);
  const double max_rescaled = static_cast<double>((1 << integer_bits) - 1) * power;
  if (max_rescaled >= 2147483647.0) return INT32_MAX;
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
  p->input_left_shift = static_cast<int16_t>(shift);
  p->diff_min = -compute_input_radius(integer_bits, shift);
  p->beta = beta;
}

void compute_logistic_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p) {
  sigmoid_like(input_scale, input_zero_point, p);
}

void compute_tanh_params_int8(float input_scale, int32_t input_zero_point, SigmoidParams* p) {
  sigmoid_like(input_scale, input_zero_point, p);
}

}  // namespace kernels
}  // namespace strata
