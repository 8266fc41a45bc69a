// IEEE 754 binary16 ("float16") to binary32 conversion: DEQUANTIZE of float16 values, and the
// float16-weights variants of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, which read a float16
// model's weights where the model stores them and widen each one as they use it.
//
// Exact for every input: normals, subnormals (which become normal floats), signed zeros,
// infinities and NaNs (payload kept, shifted into the float's mantissa). Where the FPU has the
// half-precision conversions (Cortex-M4F/M7F), widen() is one VCVTB.F32.F16 (a
// signalling NaN comes out quiet there: weights are never NaN); elsewhere (the host, cores
// without them) the portable bit manipulation gives the same floats.
#pragma once

#include <cstdint>
#include <cstring>

// Every Cortex-M FPU (FPv4-SP, FPv5) has the conversions; gcc sets __ARM_FP bit 1 only with
// -mfp16-format, which the toolchain files do not pass (no __fp16 arithmetic is wanted).
#if defined(__arm__) && defined(__ARM_FP) && \
    ((__ARM_FP & 2) || (defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'))
#define STRATA_HALF_VCVT 1
#else
#define STRATA_HALF_VCVT 0
#endif

namespace strata {
namespace kernels {

float half_to_float(uint16_t h);

// Converts count little-endian halves from src (any alignment) to dst.
void half_to_float_array(const uint8_t* src, int32_t count, float* dst);

// One float16 value as a model constant stores it. Kernels templated on the weight type read
// weights through weight_value(), so the same loop serves float (identity) and Half weights.
struct Half {
  uint16_t bits;
};
static_assert(sizeof(Half) == 2, "Half must be the 2 bytes of the model's data");

inline float widen(Half h) {
#if STRATA_HALF_VCVT
  float in;
  const uint32_t word = h.bits;
  std::memcpy(&in, &word, sizeof in);
  float out;
  __asm__("vcvtb.f32.f16 %0, %1" : "=t"(out) : "t"(in));
  return out;
#else
  return half_to_float(h.bits);
#endif
}

// Two consecutive halves (p[0], p[1]) from one 32-bit load; p must be 4-byte aligned. On the
// FPU: one VLDR and a VCVTB/VCVTT pair, against two VLDRs for two float weights.
inline void widen_pair(const Half* p, float* first, float* second) {
#if STRATA_HALF_VCVT
  float packed;
  std::memcpy(&packed, __builtin_assume_aligned(p, 4), sizeof packed);
  __asm__("vcvtb.f32.f16 %0, %1" : "=t"(*first) : "t"(packed));
  __asm__("vcvtt.f32.f16 %0, %1" : "=t"(*second) : "t"(packed));
#else
  *first = half_to_float(p[0].bits);
  *second = half_to_float(p[1].bits);
#endif
}

// The value of a weight of any type as the kernel's arithmetic reads it.
template <typename T>
inline T weight_value(T w) {
  return w;
}
inline float weight_value(Half w) { return widen(w); }

}  // namespace kernels
}  // namespace strata
