// Sigmoid and tanh of 16-bit fixed-point values by table lookup, as TensorFlow Lite's int16
// LOGISTIC and TANH reference kernels compute them (and the integer LSTM, whose gates use them).
//
// One 256-entry table of sigmoid(i / 24) in unsigned Q0.16 serves both functions, since
// tanh(x) = 2 * sigmoid(2x) - 1 and both are odd around their centre: only |x| is looked up, with
// linear interpolation between neighbouring entries. The caller first scales its raw int16 input
// with lut_scaled_input() so that one table step is 2^9 units (sigmoid) or 2^8 units (tanh).
// Results: sigmoid in Q0.15 [0, 32767], tanh in Q0.15 [-32767, 32767], bit-exact with TFLite.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// How a raw int16 input becomes a table coordinate: (x * multiplier + rounding) >> right_shift.
// The factor 3 in the multiplier turns the table's 1/24 step into a power of two.
struct LutInputScale {
  int32_t multiplier;
  int32_t right_shift;  // in [0, 31]
};

// The scale for an input with `fractional_bits` fractional bits (an int16 of scale
// 2^-fractional_bits); fractional_bits in [-2, 43] so no product or shift overflows.
LutInputScale lut_input_scale(int32_t fractional_bits);

inline int32_t lut_scaled_input(int32_t x, const LutInputScale& s) {
  const int32_t round = s.right_shift > 0 ? (1 << (s.right_shift - 1)) : 0;
  return (x * s.multiplier + round) >> s.right_shift;
}

// sigmoid of a scaled input (units of 1 / (24 * 2^9)) in Q0.15.
int16_t sigmoid_int16_lut(int32_t scaled);

// tanh of a scaled input (units of 1 / (48 * 2^8)) in Q0.15.
int16_t tanh_int16_lut(int32_t scaled);

}  // namespace kernels
}  // namespace strata
