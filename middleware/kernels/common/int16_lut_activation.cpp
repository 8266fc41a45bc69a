#include "common/int16_lut_activation.hpp"

#include "common/sigmoid_table.hpp"

namespace strata {
namespace kernels {
namespace {

// sigmoid(|x|) with `frac_bits` bits of interpolation between table entries, in unsigned
// Q0.(16 + frac_bits); saturates past the table's end.
uint32_t sigmoid_of_abs(uint32_t ax, int frac_bits, uint32_t saturated) {
  const uint32_t i = ax >> frac_bits;
  if (i >= 255) return saturated;
  const uint32_t a = kSigmoidTableQ16[i];
  const uint32_t b = kSigmoidTableQ16[i + 1];
  return (a << frac_bits) + (ax & ((1u << frac_bits) - 1)) * (b - a);
}

uint32_t abs_u32(int32_t x) {
  return x < 0 ? 0u - static_cast<uint32_t>(x) : static_cast<uint32_t>(x);
}

}  // namespace

LutInputScale lut_input_scale(int32_t fractional_bits) {
  // Table coordinate = x * 3 * 2^(12 - fractional_bits) / 2^9: one unit of the sigmoid's Q3.12
  // input is 24 / 2^9 table steps.
  const int32_t left = 12 - fractional_bits;
  if (left >= 0) return LutInputScale{3 << left, 0};
  return LutInputScale{3, -left};
}

int16_t sigmoid_int16_lut(int32_t scaled) {
  // 9 interpolation bits: Q0.25. sigmoid(-x) = 1 - sigmoid(x); the added 2^9 rounds the final
  // shift to Q0.15, and the mirrored branch rounds the same way from below.
  const uint32_t s = sigmoid_of_abs(abs_u32(scaled), 9, 0x7FFFu << 10);
  const uint32_t r = scaled >= 0 ? s + (1u << 9) : (1u << 25) - s + (1u << 9) - 1;
  return static_cast<int16_t>(r >> 10);
}

int16_t tanh_int16_lut(int32_t scaled) {
  // 8 interpolation bits: sigmoid(2|x|) in Q0.24; tanh = 2 * sigmoid - 1, i.e. s - 2^23 in Q1.23,
  // rounded (2^7) to Q0.15.
  const int32_t s = static_cast<int32_t>(sigmoid_of_abs(abs_u32(scaled), 8, 0xFFFFu << 8));
  const int32_t r = scaled >= 0 ? s - (1 << 23) + (1 << 7) : -s + (1 << 23) + (1 << 7) - 1;
  return static_cast<int16_t>(r >> 8);
}

}  // namespace kernels
}  // namespace strata
