#include "common/quant_math.hpp"

#include <cstring>

namespace strata {
namespace kernels {

int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == b && a == INT32_MIN) return INT32_MAX;  // the only product that does not fit
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  const int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  // Division (not a shift) truncates toward zero, which together with the nudge gives
  // round-half-away-from-zero.
  return static_cast<int32_t>((ab + nudge) / (INT64_C(1) << 31));
}

int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((INT64_C(1) << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t saturating_rounding_multiply_by_pot(int32_t x, int exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return rounding_divide_by_pot(x, -exponent);
  const int32_t threshold = static_cast<int32_t>((INT64_C(1) << (31 - exponent)) - 1);
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  // The left shift wraps like TFLite's int32 multiply on two's-complement targets; done on
  // uint32 so it is defined behaviour.
  const int32_t scaled = static_cast<int32_t>(static_cast<uint32_t>(x) << left);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(scaled, multiplier), right);
}

int32_t multiply_by_quantized_multiplier_64(int64_t x, int32_t multiplier, int shift) {
  constexpr int64_t kLimit = INT64_C(1) << 47;
  x = x < -kLimit ? -kLimit : (x >= kLimit ? kLimit - 1 : x);
  shift = shift > 7 ? 7 : shift;  // quantize_multiplier never gives less than -31
  const int32_t reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
  const int total_shift = 15 - shift;  // 8..46
  const int64_t scaled = x * reduced + (INT64_C(1) << (total_shift - 1));
  return static_cast<int32_t>(scaled >> total_shift);  // wraps like TFLite's truncation
}

double round_half_away(double x) {
  // Values >= 2^52 are already integers; the cast path below would overflow for them.
  if (!(x < 4503599627370496.0 && x > -4503599627370496.0)) return x;
  const double t = static_cast<double>(static_cast<int64_t>(x));  // truncates toward zero
  const double frac = x - t;
  if (frac >= 0.5) return t + 1.0;
  if (frac <= -0.5) return t - 1.0;
  return t;
}

float round_half_away(float x) {
  if (!(x < 8388608.0f && x > -8388608.0f)) return x;
  const float t = static_cast<float>(static_cast<int32_t>(x));
  const float frac = x - t;
  if (frac >= 0.5f) return t + 1.0f;
  if (frac <= -0.5f) return t - 1.0f;
  return t;
}

int32_t round_to_i32(double x) {
  if (!(x == x)) return 0;  // NaN
  const double r = round_half_away(x);
  if (r >= 2147483647.0) return INT32_MAX;
  if (r <= -2147483648.0) return INT32_MIN;
  return static_cast<int32_t>(r);
}

int32_t round_to_i32(float x) {
  if (!(x == x)) return 0;  // NaN
  const float r = round_half_away(x);
  if (r >= 2147483648.0f) return INT32_MAX;
  if (r <= -2147483648.0f) return INT32_MIN;
  return static_cast<int32_t>(r);
}

int32_t quantize_value(float value, float scale, int32_t zero_point) {
  // The float division and rounding match TFLite; the saturating add keeps hostile values defined.
  const int64_t q = static_cast<int64_t>(zero_point) + round_to_i32(value / scale);
  return q > INT32_MAX ? INT32_MAX : (q < INT32_MIN ? INT32_MIN : static_cast<int32_t>(q));
}

namespace {

// frexp for finite, non-zero doubles via the bit pattern: returns m in [0.5, 1) with
// x = m * 2^exp. Avoids libm in firmware.
double split_exponent(double x, int* exp) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7FF);
  int extra = 0;
  if (biased == 0) {           // subnormal: normalise first
    x *= 18014398509481984.0;  // 2^54
    std::memcpy(&bits, &x, sizeof bits);
    biased = static_cast<int>((bits >> 52) & 0x7FF);
    extra = -54;
  }
  *exp = biased - 1022 + extra;
  bits = (bits & ~(UINT64_C(0x7FF) << 52)) | (UINT64_C(1022) << 52);
  double m;
  std::memcpy(&m, &bits, sizeof m);
  return m;
}

}  // namespace

bool checked_log2(float x, int* exponent) {
  if (!(x > 0.0f) || !(x < 3.4e38f)) {
    *exponent = 0;
    return false;
  }
  // x = m * 2^e with m in [1, 2): log2 x rounds to e below m = sqrt(2), to e + 1 above; it is
  // within 1e-3 of that integer when m < 2^0.001 or m > 2^0.999.
  int e = 0;
  const double m = 2.0 * split_exponent(static_cast<double>(x), &e);
  --e;
  *exponent = m < 1.4142135623730951 ? e : e + 1;
  return m < 1.0006933874625807 || m > 1.998614185980905;
}

void quantize_multiplier(double real_multiplier, int32_t* multiplier, int* shift) {
  if (real_multiplier == 0.0 || real_multiplier != real_multiplier) {
    *multiplier = 0;
    *shift = 0;
    return;
  }
  // No real model comes near 2^30 (TFLite rejects it); a hostile one must still give shifts every
  // kernel can apply to an int32 without undefined behaviour, so saturate.
  if (real_multiplier >= 1073741824.0 || real_multiplier <= -1073741824.0) {
    *multiplier = real_multiplier > 0 ? INT32_MAX : -INT32_MAX;
    *shift = 30;
    return;
  }
  const double q = split_exponent(real_multiplier, shift);
  int64_t q_fixed = static_cast<int64_t>(round_half_away(q * 2147483648.0));
  if (q_fixed == (INT64_C(1) << 31)) {
    q_fixed /= 2;  // rounding reached 1.0: renormalise
    ++*shift;
  }
  if (*shift < -31) {  // would shift every bit out: flush to zero as TFLite does
    *shift = 0;
    q_fixed = 0;
  }
  *multiplier = static_cast<int32_t>(q_fixed);
}

namespace {

// A positive normal float as significand * 2^exponent with significand in [2^23, 2^24); false for
// zero, subnormals, negatives, infinities and NaN.
bool split_positive_normal(float x, uint32_t* significand, int* exponent) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const uint32_t biased = bits >> 23;  // a set sign bit makes this 256 or more
  if (biased == 0 || biased >= 255) return false;
  *significand = (bits & 0x7FFFFFu) | 0x800000u;
  *exponent = static_cast<int>(biased) - 150;
  return true;
}

// floor(numerator * 2^32 / divisor) as (high word, low word) for numerator < 2^48 and divisor in
// [2^23, 2^24), and whether the division left a remainder. Long division a byte at a time after
// the numerator's top 24 bits, so every step is a 32-bit division (one UDIV on Cortex-M; a 64-bit
// division would be a library call): the remainder stays below 2^24, so remainder * 2^8 fits.
void divide_times_2_32(uint64_t numerator, uint32_t divisor, uint32_t* high, uint32_t* low,
                       bool* inexact) {
  uint32_t remainder = static_cast<uint32_t>(numerator >> 24);
  uint32_t q_high = remainder / divisor;
  remainder -= q_high * divisor;
  const uint32_t rest = static_cast<uint32_t>(numerator) & 0xFFFFFFu;
  for (int shift = 16; shift >= 0; shift -= 8) {  // the numerator's low 3 bytes
    const uint32_t current = (remainder << 8) | ((rest >> shift) & 0xFFu);
    const uint32_t digit = current / divisor;
    remainder = current - digit * divisor;
    q_high = (q_high << 8) | digit;
  }
  uint32_t q_low = 0;
  for (int k = 0; k < 4; ++k) {  // the 4 zero bytes of * 2^32
    const uint32_t current = remainder << 8;
    const uint32_t digit = current / divisor;
    remainder = current - digit * divisor;
    q_low = (q_low << 8) | digit;
  }
  *high = q_high;
  *low = q_low;
  *inexact = remainder != 0;
}

}  // namespace

void quantize_scale_ratio(float a, float b, float c, int32_t* multiplier, int* shift) {
  uint32_t ma = 0, mb = 0, mc = 0;
  int ea = 0, eb = 0, ec = 0;
  if (!split_positive_normal(a, &ma, &ea) || !split_positive_normal(b, &mb, &eb) ||
      !split_positive_normal(c, &mc, &ec)) {
    quantize_multiplier(static_cast<double>(a) * static_cast<double>(b) / static_cast<double>(c),
                        multiplier, shift);
    return;
  }
  // double(a) * double(b) is exact (48 significant bits); the double division rounds the quotient
  // to 53 bits, to nearest, ties to even. Reproduce that rounding from a quotient of 55 to 57 bits.
  bool inexact = false;
  uint32_t high = 0, low = 0;  // the quotient: high in [2^22, 2^25), so 55 to 57 bits
  divide_times_2_32(static_cast<uint64_t>(ma) * mb, mc, &high, &low, &inexact);
  const uint64_t quotient = (static_cast<uint64_t>(high) << 32) | low;
  int drop = 2;  // the bits below the 53 kept
  while ((high >> (21 + drop)) != 0) ++drop;
  uint64_t significand = quotient >> drop;
  const uint64_t rest = quotient & ((UINT64_C(1) << drop) - 1);
  const uint64_t half = UINT64_C(1) << (drop - 1);
  if (rest > half || (rest == half && (inexact || (significand & 1u) != 0))) ++significand;
  int exponent = ea + eb - ec - 32 + drop;  // the double is significand * 2^exponent
  if (significand == (UINT64_C(1) << 53)) {
    significand >>= 1;
    ++exponent;
  }
  // From here quantize_multiplier's steps on that double: frexp's exponent, the saturation at
  // 2^30, and round_half_away(q * 2^31) of the significand q in [0.5, 1) (q * 2^31 =
  // significand / 2^22 exactly).
  int s = exponent + 53;
  if (s >= 31) {
    *multiplier = INT32_MAX;
    *shift = 30;
    return;
  }
  int64_t q_fixed = static_cast<int64_t>((significand + (UINT64_C(1) << 21)) >> 22);
  if (q_fixed == (INT64_C(1) << 31)) {
    q_fixed /= 2;
    ++s;
  }
  if (s < -31) {
    s = 0;
    q_fixed = 0;
  }
  *multiplier = static_cast<int32_t>(q_fixed);
  *shift = s;
}

}  // namespace kernels
}  // namespace strata
