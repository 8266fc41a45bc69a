// Requantization of int32 accumulators to int8 outputs in a handful of instructions, bit-exact
// with common/quant_math's multiply_by_quantized_multiplier (TFLite's double rounding).
//
// Why it is exact: for a right shift r >= 1 the reference computes
//   v = floor((x*m + 2^30) / 2^31)            (saturating doubling high multiply; m > 0)
//   q = floor((v + 2^(r-1) - [v < 0]) / 2^r)  (rounding divide, ties away from zero)
// Since floor(floor(a / 2^31) / 2^r) == floor(a / 2^(31+r)) and adding k*2^31 inside the inner
// floor adds k outside it, q == floor((x*m + 2^30 + 2^(30+r) - [v<0]*2^31) / 2^(31+r)). [v < 0]
// may be replaced by [x < 0]: they differ only when -2^30 <= x*m < 0, where v = 0 and both
// forms give q = 0. The output zero point folds in as zp * 2^(31+r). So one 64-bit multiply-
// accumulate onto a per-channel constant, a sign correction and one shift give the result:
// SMLAL + ADDS/ADC + ASR on Armv7-M instead of the two separate roundings.
//
// Channels whose shift is >= 0 (multiplier >= 1), a zero multiplier, or a shift so large that the
// folded constant would overflow take the reference function (fast_requant_ok() is false).
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// The fast-path constants of one output channel (16 bytes, so a table of them is cheap scratch).
struct ChannelRequant {
  int64_t constant;    // 2^30 + 2^(30+r) + zp * 2^(31+r)
  int32_t multiplier;  // Q0.31, > 0
  int32_t shift;       // r - 1, applied to the high word
};

// Largest right shift whose folded zero point cannot overflow the 64-bit accumulator.
constexpr int32_t kMaxFastRightShift = 22;

// Whether (multiplier, shift) can take the fast path.
inline bool fast_requant_ok(int32_t multiplier, int32_t shift) {
  return multiplier > 0 && shift <= -1 && shift >= -kMaxFastRightShift;
}

// Fast-path constants; only meaningful when fast_requant_ok(multiplier, shift).
inline ChannelRequant make_channel_requant(int32_t multiplier, int32_t shift, int32_t zp) {
  // The constant's two words with 32-bit operations (64-bit variable shifts are library calls or
  // long sequences on Armv7-M): 2^(30+r) and zp * 2^(31+r) only reach the low word when r == 1.
  const int32_t r = -shift;
  const uint32_t lo = (1u << 30) | (r == 1 ? 0x80000000u : 0u);
  const uint32_t hi = (r >= 2 ? (1u << (r - 2)) : 0u) + static_cast<uint32_t>(zp) * (1u << (r - 1));
  ChannelRequant c;
  c.constant = static_cast<int64_t>((static_cast<uint64_t>(hi) << 32) | lo);
  c.multiplier = multiplier;
  c.shift = r - 1;
  return c;
}

// acc * multiplier * 2^shift + zero point (not yet clamped).
inline int32_t requantize_fast(int32_t acc, const ChannelRequant& c) {
  // -2^31 when acc < 0 (the [x < 0] correction, see the file comment), spelled as its two
  // 32-bit halves so that GCC emits AND + ADDS + ADC(ASR) rather than a 64-bit shift sequence.
  const uint32_t sign_hi = static_cast<uint32_t>(acc >> 31);
  const uint32_t sign_lo = static_cast<uint32_t>(acc) & 0x80000000u;
  const int64_t sign = static_cast<int64_t>((static_cast<uint64_t>(sign_hi) << 32) | sign_lo);
  const int64_t total = c.constant + sign + static_cast<int64_t>(acc) * c.multiplier;
  return static_cast<int32_t>(total >> 32) >> c.shift;
}

// Same result for any (multiplier, shift): the fast path when it applies, else the reference.
inline int32_t requantize_any(int32_t acc, int32_t multiplier, int32_t shift, int32_t zp) {
  if (fast_requant_ok(multiplier, shift)) {
    return requantize_fast(acc, make_channel_requant(multiplier, shift, zp));
  }
  // Added as uint32 (one ADD either way): a hostile model's extreme scales may put the product
  // next to INT32_MIN, and this file is built without -fwrapv.
  const int32_t scaled = multiply_by_quantized_multiplier(acc, multiplier, shift);
  return static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(zp));
}

inline int32_t clamp_output(int32_t v, int32_t lo, int32_t hi) {
  v = v < lo ? lo : v;
  return v > hi ? hi : v;
}

// True when every channel takes the fast path (kernels then skip the per-output branch).
inline bool all_channels_fast(const ChannelQuant& q, int32_t channels) {
  const int32_t n = q.per_channel ? channels : 1;
  for (int32_t c = 0; c < n; ++c) {
    if (!fast_requant_ok(q.multiplier[c], q.shift[c])) return false;
  }
  return true;
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
