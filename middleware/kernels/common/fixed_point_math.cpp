#include "common/fixed_point_math.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

// Product of two fixed-point numbers: the integer bits of the operands add up.
inline int32_t fmul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }

// Wrapping add/sub, as the fixed-point library's int32 Add/Sub are (no saturation).
inline int32_t wadd(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
inline int32_t wsub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}

// Changes the number of integer bits of a raw value from src to dst (saturating, rounding).
inline int32_t rescale(int32_t x, int src_bits, int dst_bits) {
  return saturating_rounding_multiply_by_pot(x, src_bits - dst_bits);
}

inline int32_t saturating_add(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + b;
  return sum > INT32_MAX ? INT32_MAX : (sum < INT32_MIN ? INT32_MIN : static_cast<int32_t>(sum));
}

inline int32_t saturating_sub(int32_t a, int32_t b) {
  const int64_t diff = static_cast<int64_t>(a) - b;
  return diff > INT32_MAX ? INT32_MAX : (diff < INT32_MIN ? INT32_MIN : static_cast<int32_t>(diff));
}

// exp(a) for a in [-1/4, 0), a and result in Q0.31: Taylor expansion around -1/8.
int32_t exp_on_quarter_interval(int32_t a) {
  const int32_t exp_minus_one_eighth = 1895147668;  // exp(-1/8) in Q0.31
  const int32_t one_third = 715827883;              // 1/3 in Q0.31
  const int32_t x = wadd(a, 1 << 28);               // a + 1/8
  const int32_t x2 = fmul(x, x);
  const int32_t x3 = fmul(x2, x);
  const int32_t x4 = fmul(x2, x2);
  const int32_t x4_over_4 = rounding_divide_by_pot(x4, 2);
  const int32_t poly = rounding_divide_by_pot(wadd(fmul(wadd(x4_over_4, x3), one_third), x2), 1);
  return wadd(exp_minus_one_eighth, fmul(exp_minus_one_eighth, wadd(x, poly)));
}

// Newton-Raphson iterations for 1 / (1 + a): returns x ~= 2 / (1 + a) in Q2.29.
int32_t two_over_one_plus_x(int32_t a) {
  const int32_t half_denominator = rounding_half_sum(a, INT32_MAX);
  const int32_t c48_over_17 = 1515870810;        // Q2.29
  const int32_t c_neg_32_over_17 = -1010580540;  // Q2.29
  const int32_t one_q2 = 1 << 29;
  int32_t x = wadd(c48_over_17, fmul(half_denominator, c_neg_32_over_17));
  for (int i = 0; i < 3; ++i) {
    const int32_t one_minus_hd_x = wsub(one_q2, fmul(half_denominator, x));
    x = wadd(x, rescale(fmul(x, one_minus_hd_x), 4, 2));
  }
  return x;
}

}  // namespace

int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

int32_t exp_on_negative_values(int32_t a, int integer_bits) {
  const int fractional_bits = 31 - integer_bits;
  const int32_t one_quarter = 1 << (fractional_bits - 2);
  const int32_t mask = one_quarter - 1;
  const int32_t a_mod_quarter_minus_quarter = wsub(a & mask, one_quarter);
  int32_t result = exp_on_quarter_interval(rescale(a_mod_quarter_minus_quarter, integer_bits, 0));
  const int32_t remainder = wsub(a_mod_quarter_minus_quarter, a);
  // exp(-2^k) in Q0.31 for k = -2 .. 4: multiply in one factor per set bit of the remainder.
  static const int32_t kFactors[7] = {1672461947, 1302514674, 790015084, 290630308,
                                      39332535,   720401,     242};
  for (int k = -2; k <= 4; ++k) {
    if (integer_bits > k) {
      const int shift = fractional_bits + k;
      if (remainder & (static_cast<int32_t>(1) << shift)) {
        result = fmul(result, kFactors[k + 2]);
      }
    }
  }
  if (integer_bits > 5) {  // below -32 the result is zero
    const int32_t clamp = -(static_cast<int32_t>(1) << (36 - integer_bits));
    if (a < clamp) result = 0;
  }
  if (a == 0) result = INT32_MAX;
  return result;
}

int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a) {
  // x is 2/(1+a) in Q2.29; reinterpreting as Q1.30 halves it, then rescale to Q0.31.
  return rescale(two_over_one_plus_x(a), 1, 0);
}

int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a) {
  // 2/(1+a) - 1 = (1-a)/(1+a), in Q2.29, rescaled to Q0.31.
  return rescale(wsub(two_over_one_plus_x(a), 1 << 29), 2, 0);
}

int32_t logistic_fixed(int32_t a, int integer_bits) {
  if (a == 0) return 1 << 30;  // 0.5
  const int32_t abs_a = a > 0 ? a : wsub(0, a);
  const int32_t if_positive =
      one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(wsub(0, abs_a), integer_bits));
  return a > 0 ? if_positive : wsub(INT32_MAX, if_positive);
}

int32_t tanh_fixed(int32_t a, int integer_bits) {
  if (a == 0) return 0;
  const int32_t negative = a < 0 ? a : wsub(0, a);
  // exp(2n): the same raw value read with one more integer bit is 2n.
  const int32_t t =
      one_minus_x_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(negative, integer_bits + 1));
  return a < 0 ? wsub(0, t) : t;
}

int32_t reciprocal_fixed(int32_t x, int x_integer_bits, int* num_bits_over_unit) {
  const uint32_t ux = static_cast<uint32_t>(x);
  const int headroom_plus_one = count_leading_zeros(ux);
  *num_bits_over_unit = x_integer_bits - headroom_plus_one;
  const uint32_t shifted = headroom_plus_one >= 32 ? 0 : (ux << headroom_plus_one);
  const int32_t shifted_minus_one = static_cast<int32_t>(shifted - UINT32_C(0x80000000));
  return one_over_one_plus_x_for_x_in_0_1(shifted_minus_one);
}

int32_t log_x_for_x_ge_1(int32_t x, int input_integer_bits, int output_integer_bits) {
  // Q0.31 constants: log(2), 2^-1/4, 2^-1/2, 1/4, and TFLite's coefficients of the rational
  // approximation of log on the reduced range (alpha_n, alpha_d, alpha_i, alpha_f).
  const int32_t kLog2 = 1488522236;
  const int32_t kSqrtSqrtHalf = 1805811301;
  const int32_t kSqrtHalf = 1518500250;
  const int32_t kOneQuarter = 536870912;
  const int32_t kAlphaN = 117049297;
  const int32_t kAlphaD = 127690142;
  const int32_t kAlphaI = 1057819769;
  const int32_t kAlphaF = 638450708;
  // One integer bit more than the output while summing: z * log(2) may saturate on its own.
  const int accum_bits = output_integer_bits + 1;
  const int32_t shifted_quarter = rescale(kOneQuarter, 0, accum_bits);

  // x = 2^z * r, read as Q0.31 with the power of two found from its headroom; two candidates
  // (the second premultiplied by sqrt(1/2)) keep r in [sqrt(1/2), 1).
  const int headroom_a = count_leading_zeros(static_cast<uint32_t>(x));
  const int32_t r_a = saturating_rounding_multiply_by_pot(
      fmul(saturating_rounding_multiply_by_pot(x, headroom_a - 1), kSqrtHalf), 1);
  const int32_t z_a = saturating_add(
      saturating_rounding_multiply_by_pot(input_integer_bits - headroom_a, 31 - accum_bits),
      shifted_quarter);
  const int headroom_b = count_leading_zeros(static_cast<uint32_t>(fmul(x, kSqrtHalf))) - 1;
  const int32_t r_b = saturating_rounding_multiply_by_pot(x, headroom_b);
  const int32_t z_b = saturating_sub(
      saturating_rounding_multiply_by_pot(input_integer_bits - headroom_b, 31 - accum_bits),
      shifted_quarter);
  const int32_t r = r_a < r_b ? r_a : r_b;
  const int32_t z = z_a > z_b ? z_a : z_b;

  const int32_t p = rounding_half_sum(r, kSqrtSqrtHalf);
  int32_t q = wsub(r, kSqrtSqrtHalf);
  q = wadd(q, q);
  const int32_t q2 = fmul(q, q);
  const int32_t num = wadd(fmul(q, r), fmul(fmul(q, q2), kAlphaN));
  const int32_t denom_minus_one =
      wadd(fmul(p, wadd(wadd(kAlphaI, q), fmul(kAlphaD, q2))), fmul(kAlphaF, q));
  const int32_t recip_denom = one_over_one_plus_x_for_x_in_0_1(denom_minus_one);
  const int32_t num_scaled = rescale(num, 0, accum_bits);
  return rescale(wadd(fmul(z, kLog2), fmul(num_scaled, recip_denom)), accum_bits,
                 output_integer_bits);
}

void inv_sqrt_quantized_multiplier(int32_t x, int32_t* multiplier, int* shift) {
  if (x <= 1) {  // 0 (invalid) is treated as 1, whose general computation would overflow
    *multiplier = INT32_MAX;
    *shift = 0;
    return;
  }
  // Scale x into [2^27, 2^29) by powers of 4, tracking the square root's exponent.
  int right_shift = 11;
  while (x >= (1 << 29)) {
    x /= 4;
    ++right_shift;
  }
  const int left_shift_bit_pairs = (count_leading_zeros(static_cast<uint32_t>(x)) - 1) / 2 - 1;
  right_shift -= left_shift_bit_pairs;
  x <<= 2 * left_shift_bit_pairs;
  // Newton-Raphson for 1/sqrt in Q3.28: y <- 3/2 y - x/2 y^3, from y = 1, five times.
  const int32_t half_x = rounding_divide_by_pot(x >> 1, 1);
  const int32_t three_halves = (1 << 28) + (1 << 27);
  int32_t y = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t y3 = rescale(fmul(fmul(y, y), y), 9, 3);
    y = rescale(wsub(fmul(three_halves, y), fmul(half_x, y3)), 6, 3);
  }
  const int32_t half_sqrt_2 = 1518500250;  // sqrt(2) / 2 in Q0.31
  int32_t result = fmul(y, half_sqrt_2);
  if (right_shift < 0) {
    result = static_cast<int32_t>(static_cast<uint32_t>(result) << -right_shift);
    right_shift = 0;
  }
  *multiplier = result;
  *shift = -right_shift;
}

}  // namespace kernels
}  // namespace strata
