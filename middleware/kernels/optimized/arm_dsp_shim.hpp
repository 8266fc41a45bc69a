// The Arm DSP (SIMD32) instructions the optimized kernels are written with, callable on every
// target: on a core with the DSP extension (__ARM_FEATURE_DSP: Cortex-M4/M7/M33/M55) each function
// is the ACLE intrinsic from <arm_acle.h>, i.e. one instruction; elsewhere (the host build that
// runs the random-shape tests) it is portable C++ with exactly the instruction's result, so the
// host tests exercise the same arithmetic the firmware executes. Only results are modelled, not
// the Q (sticky saturation) flag, which no kernel reads.
//
// Lane conventions follow the Arm ARM: "bottom" is bits 15:0 of a register, "top" bits 31:16;
// int8 lanes are bytes 0..3 from the least significant end.
#pragma once

#include <cstdint>

#if defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32)
#include <arm_acle.h>
#define STRATA_ARM_DSP 1
#else
#define STRATA_ARM_DSP 0
#endif

namespace strata {
namespace kernels {
namespace optimized {
namespace dsp {

namespace detail {
inline int32_t bottom(uint32_t x) { return static_cast<int16_t>(x & 0xFFFFu); }
inline int32_t top(uint32_t x) { return static_cast<int16_t>(x >> 16); }
inline int32_t byte_lane(uint32_t x, int lane) { return static_cast<int8_t>(x >> (8 * lane)); }
inline uint32_t halves(int32_t lo, int32_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
}
inline int32_t wrap(int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(v)); }
}  // namespace detail

// Rotate right by n (1..31); the DSP unpack instructions take it as a free operand rotation.
inline uint32_t ror(uint32_t x, uint32_t n) { return (x >> n) | (x << ((32u - n) & 31u)); }

// SXTB16: sign-extend bytes 0 and 2 to the bottom and top halfwords.
inline uint32_t sxtb16(uint32_t x) {
#if STRATA_ARM_DSP
  return static_cast<uint32_t>(__sxtb16(static_cast<int32_t>(x)));
#else
  return detail::halves(detail::byte_lane(x, 0), detail::byte_lane(x, 2));
#endif
}

// SXTAB16: a's halfwords plus sign-extended bytes 0 and 2 of b (each halfword wraps).
inline uint32_t sxtab16(uint32_t a, uint32_t b) {
#if STRATA_ARM_DSP
  return static_cast<uint32_t>(__sxtab16(static_cast<int32_t>(a), static_cast<int32_t>(b)));
#else
  return detail::halves(detail::bottom(a) + detail::byte_lane(b, 0),
                        detail::top(a) + detail::byte_lane(b, 2));
#endif
}

// SXTB16 with the operand rotated right by 8: bytes 1 and 3. One instruction on Arm (the rotation
// is an operand field that GCC does not fold from a separate ROR by itself).
inline uint32_t sxtb16_ror8(uint32_t x) {
#if STRATA_ARM_DSP
  uint32_t r;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
#else
  return sxtb16(ror(x, 8));
#endif
}

// SXTAB16 with b rotated right by 8: a's halfwords plus sign-extended bytes 1 and 3 of b.
inline uint32_t sxtab16_ror8(uint32_t a, uint32_t b) {
#if STRATA_ARM_DSP
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(b));
  return r;
#else
  return sxtab16(a, ror(b, 8));
#endif
}

// SMLAD: acc + bottom(x)*bottom(y) + top(x)*top(y), wrapping modulo 2^32.
inline int32_t smlad(uint32_t x, uint32_t y, int32_t acc) {
#if STRATA_ARM_DSP
  return __smlad(static_cast<int32_t>(x), static_cast<int32_t>(y), acc);
#else
  return detail::wrap(static_cast<int64_t>(acc) + detail::bottom(x) * detail::bottom(y) +
                      static_cast<int64_t>(detail::top(x)) * detail::top(y));
#endif
}

// SMUAD: bottom(x)*bottom(y) + top(x)*top(y).
inline int32_t smuad(uint32_t x, uint32_t y) {
#if STRATA_ARM_DSP
  return __smuad(static_cast<int32_t>(x), static_cast<int32_t>(y));
#else
  return detail::wrap(static_cast<int64_t>(detail::bottom(x)) * detail::bottom(y) +
                      static_cast<int64_t>(detail::top(x)) * detail::top(y));
#endif
}

// SMLAxy: acc + (x half) * (y half); B = bottom, T = top.
inline int32_t smlabb(uint32_t x, uint32_t y, int32_t acc) {
#if STRATA_ARM_DSP
  return __smlabb(static_cast<int32_t>(x), static_cast<int32_t>(y), acc);
#else
  return detail::wrap(static_cast<int64_t>(acc) + detail::bottom(x) * detail::bottom(y));
#endif
}

inline int32_t smlabt(uint32_t x, uint32_t y, int32_t acc) {
#if STRATA_ARM_DSP
  return __smlabt(static_cast<int32_t>(x), static_cast<int32_t>(y), acc);
#else
  return detail::wrap(static_cast<int64_t>(acc) + detail::bottom(x) * detail::top(y));
#endif
}

inline int32_t smlatb(uint32_t x, uint32_t y, int32_t acc) {
#if STRATA_ARM_DSP
  return __smlatb(static_cast<int32_t>(x), static_cast<int32_t>(y), acc);
#else
  return detail::wrap(static_cast<int64_t>(acc) + detail::top(x) * detail::bottom(y));
#endif
}

inline int32_t smlatt(uint32_t x, uint32_t y, int32_t acc) {
#if STRATA_ARM_DSP
  return __smlatt(static_cast<int32_t>(x), static_cast<int32_t>(y), acc);
#else
  return detail::wrap(static_cast<int64_t>(acc) + detail::top(x) * detail::top(y));
#endif
}

// PKHBT a, b, LSL #16: bottom half of a, top half = bottom half of b.
// PKHTB a, b, ASR #16: top half of a, bottom half = top half of b.
// (GCC emits UXTH + ORR for the plain expressions, hence the assembly.)
inline uint32_t pkhbt(uint32_t a, uint32_t b) {
#if STRATA_ARM_DSP
  uint32_t r;
  __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(a), "r"(b));
  return r;
#else
  return (a & 0xFFFFu) | (b << 16);
#endif
}
inline uint32_t pkhtb(uint32_t a, uint32_t b) {
#if STRATA_ARM_DSP
  uint32_t r;
  __asm__("pkhtb %0, %1, %2, asr #16" : "=r"(r) : "r"(a), "r"(b));
  return r;
#else
  return (a & 0xFFFF0000u) | (b >> 16);
#endif
}

// Byte-wise signed maximum of 4 int8 lanes: SSUB8 (sets the GE flags) then SEL, in one asm
// statement so the flags dependency cannot be separated by the compiler.
inline uint32_t max_s8x4(uint32_t a, uint32_t b) {
#if STRATA_ARM_DSP
  uint32_t t;
  uint32_t r;
  __asm__("ssub8 %0, %2, %3\n\tsel %1, %2, %3" : "=&r"(t), "=r"(r) : "r"(a), "r"(b) : "cc");
  return r;
#else
  uint32_t r = 0;
  for (int lane = 0; lane < 4; ++lane) {
    const int32_t x = detail::byte_lane(a, lane);
    const int32_t y = detail::byte_lane(b, lane);
    r |= (static_cast<uint32_t>(x >= y ? x : y) & 0xFFu) << (8 * lane);
  }
  return r;
#endif
}

// SSAT #bits: clamp to [-2^(bits-1), 2^(bits-1) - 1].
template <int kBits>
inline int32_t ssat(int32_t x) {
#if STRATA_ARM_DSP
  return __ssat(x, kBits);
#else
  constexpr int32_t kMax = static_cast<int32_t>((1u << (kBits - 1)) - 1u);
  return x > kMax ? kMax : (x < -kMax - 1 ? -kMax - 1 : x);
#endif
}

// QADD: saturating 32-bit add.
inline int32_t qadd(int32_t a, int32_t b) {
#if STRATA_ARM_DSP
  return __qadd(a, b);
#else
  const int64_t s = static_cast<int64_t>(a) + b;
  return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : static_cast<int32_t>(s));
#endif
}

}  // namespace dsp
}  // namespace optimized
}  // namespace kernels
}  // namespace strata
