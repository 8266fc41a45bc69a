// Fixed-point transcendental functions for the int8 SOFTMAX, LOG_SOFTMAX, LOGISTIC, TANH,
// L2_NORMALIZATION and RSQRT kernels.
//
// Values are raw int32 fixed-point numbers with a run-time number of integer bits ("Qm.(31-m)").
// The algorithms (Taylor polynomial plus barrel shifter for exp, Newton-Raphson for 1/(1+x))
// follow the ones TensorFlow Lite's reference int8 kernels use, step by step and with the same
// rounding, so results are bit-exact with TensorFlow Lite Micro. Integer bits are a parameter
// instead of a template argument to keep one copy of the code in flash.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// Leading zero bits of x (32 for 0).
inline int count_leading_zeros(uint32_t x) {
  int n = 0;
  while (n < 32 && !(x & (UINT32_C(0x80000000) >> n))) ++n;
  return n;
}

// exp(a) for a <= 0, a in Q(integer_bits); result in Q0.31.
int32_t exp_on_negative_values(int32_t a, int integer_bits);

// 1 / (1 + a) for a in [0, 1) as Q0.31; result in Q0.31.
int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a);

// (1 - a) / (1 + a) for a in [0, 1) as Q0.31; result in Q0.31.
int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a);

// logistic(a) for a in Q(integer_bits); result in Q0.31.
int32_t logistic_fixed(int32_t a, int integer_bits);

// tanh(a) for a in Q(integer_bits); result in Q0.31.
int32_t tanh_fixed(int32_t a, int integer_bits);

// 1 / x for x > 0 in Q(x_integer_bits): returns a Q0.31 scale s and *num_bits_over_unit n with
// 1/x = s * 2^-n.
int32_t reciprocal_fixed(int32_t x, int x_integer_bits, int* num_bits_over_unit);

// round((a + b) / 2) with ties away from zero, without overflow.
int32_t rounding_half_sum(int32_t a, int32_t b);

// log(x) for x >= 1 in Q(input_integer_bits); result in Q(output_integer_bits), which must hold
// log of the largest input. A rational approximation after reducing x to [sqrt(1/2), 1) by powers
// of two, as TFLite's int8 LOG_SOFTMAX computes it.
int32_t log_x_for_x_ge_1(int32_t x, int input_integer_bits, int output_integer_bits);

// 1 / sqrt(x) for an integer x >= 0 as a multiplier and shift: 1/sqrt(x) ~= multiplier * 2^(shift -
// 31), by Newton-Raphson in Q3.28 (TFLite's inverse square root for L2_NORMALIZATION and RSQRT).
// x <= 1 gives (INT32_MAX, 0).
void inv_sqrt_quantized_multiplier(int32_t x, int32_t* multiplier, int* shift);

}  // namespace kernels
}  // namespace strata
