// The int8 inner products of the optimized FULLY_CONNECTED (int8 and hybrid): rows of int8
// weights against one activation vector that was widened to int16 (plus the input offset) once,
// in the SMLAD pair layout of int8_dot.hpp (per group of 4 values: (a0,a2), (a1,a3)).
//
// A batch-1 fully-connected layer uses every weight exactly once, so the cost is set by loading
// and unpacking weights: each weight word is one load and two SXTB16 for two SMLADs. Four rows go
// together so each activation word is loaded once per four rows.
#pragma once

#include <cstdint>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/int8_dot.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// acc[r] += row r (k int8 weights, rows `stride` bytes apart) . x, for R rows.
template <int R>
inline void fc_rows(const int8_t* w, int32_t stride, int32_t k, const uint32_t* x, int32_t* acc) {
  int32_t a[R];
  const int8_t* row[R];
#pragma GCC unroll 4
  for (int r = 0; r < R; ++r) {
    a[r] = acc[r];
    row[r] = w + r * stride;
  }
  const int32_t groups = k >> 2;
  for (int32_t g = 0; g < groups; ++g, x += 2) {
    const uint32_t x02 = x[0];
    const uint32_t x13 = x[1];
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) {
      const uint32_t wv = load_u32(row[r]);
      row[r] += 4;
      a[r] = dsp::smlad(dsp::sxtb16(wv), x02, a[r]);
      a[r] = dsp::smlad(dsp::sxtb16_ror8(wv), x13, a[r]);
    }
  }
  if ((k & 3) != 0) {
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) {
      const uint32_t wv = load_tail_weights(row[r], k & 3);
      a[r] = dsp::smlad(dsp::sxtb16(wv), x[0], a[r]);
      a[r] = dsp::smlad(dsp::sxtb16_ror8(wv), x[1], a[r]);
    }
  }
#pragma GCC unroll 4
  for (int r = 0; r < R; ++r) acc[r] = a[r];
}

#if STRATA_ARM_DSP
// One word-aligned weight row against x, 16 weights per LDM (Thumb-2 assembly with fixed
// registers: LDM needs ascending lists; r7 is left alone for unoptimized builds' frame pointer).
// 19 instructions per 16 multiply-accumulates plus the loop branch every 32.
inline int32_t fc_row_aligned(const int8_t* w, int32_t blocks16, const uint32_t* x, int32_t acc) {
  register int32_t c asm("r0") = acc;
  register const int8_t* wp asm("r1") = w;
  register const uint32_t* xp asm("r2") = x;
  register int32_t n asm("r3") = blocks16;
  register uint32_t w0 asm("r4");
  register uint32_t w1 asm("r5");
  register uint32_t w2 asm("r6");
  register uint32_t w3 asm("r8");
  register uint32_t a0 asm("r9");
  register uint32_t a1 asm("r10");
  register uint32_t a2 asm("r11");
  register uint32_t a3 asm("r12");
  register uint32_t t asm("lr");
#define STRATA_FC_WORD(W, A, B) \
  "sxtb16 %[t], %[" W           \
  "], ror #8\n\t"               \
  "sxtb16 %[" W "], %[" W       \
  "]\n\t"                       \
  "smlad %[c], %[" W "], %[" A  \
  "], %[c]\n\t"                 \
  "smlad %[c], %[t], %[" B "], %[c]\n\t"
#define STRATA_FC_BLOCK16                                                                         \
  "ldmia %[wp]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"                                                \
  "ldmia %[xp]!, {%[a0], %[a1], %[a2], %[a3]}\n\t" STRATA_FC_WORD("w0", "a0", "a1")               \
      STRATA_FC_WORD(                                                                             \
          "w1", "a2",                                                                             \
          "a3") "ldmia %[xp]!, {%[a0], %[a1], %[a2], %[a3]}\n\t" STRATA_FC_WORD("w2", "a0", "a1") \
          STRATA_FC_WORD("w3", "a2", "a3")
  __asm__ volatile(
      "cmp %[n], #2\n\t"
      "blt 2f\n\t"
      "1:\n\t" STRATA_FC_BLOCK16 STRATA_FC_BLOCK16
      "sub %[n], %[n], #2\n\t"
      "cmp %[n], #2\n\t"
      "bge 1b\n\t"
      "2:\n\t"
      "cmp %[n], #1\n\t"
      "blt 3f\n\t" STRATA_FC_BLOCK16 "3:\n\t"
      : [c] "+r"(c), [wp] "+r"(wp), [xp] "+r"(xp), [n] "+r"(n), [w0] "=&r"(w0), [w1] "=&r"(w1),
        [w2] "=&r"(w2), [w3] "=&r"(w3), [a0] "=&r"(a0), [a1] "=&r"(a1), [a2] "=&r"(a2),
        [a3] "=&r"(a3), [t] "=&r"(t)
      :
      : "cc", "memory");
#undef STRATA_FC_BLOCK16
#undef STRATA_FC_WORD
  return c;
}
#endif

// Expands k int8 values plus `offset` into the pair layout (ceil(k/4) groups of 2 words).
inline void expand_vector(const int8_t* src, int32_t k, int32_t offset, uint32_t* dst) {
  expand_into_block(src, k, offset, 1, 0, dst);
}

// expand_vector from the last group down, so `dst` may overlap `src` when it starts at or above
// it: group g is read (4 bytes at 4g) before its 8 bytes are written at 8g or above, and every
// byte below 4g that is still to be read lies under groups written later. This lets the planner
// put the widened vector over the int8 input it came from (OpRequirements::scratch_overlay).
inline void expand_vector_from_end(const int8_t* src, int32_t k, int32_t offset, uint32_t* dst) {
  const int32_t whole = k >> 2;
  if ((k & 3) != 0) {  // partial last group: missing values contribute 0
    int32_t v[4] = {0, 0, 0, 0};
    for (int32_t t = 0; 4 * whole + t < k; ++t) v[t] = src[4 * whole + t] + offset;
    dst[2 * whole] = (static_cast<uint32_t>(v[0]) & 0xFFFFu) | (static_cast<uint32_t>(v[2]) << 16);
    dst[2 * whole + 1] =
        (static_cast<uint32_t>(v[1]) & 0xFFFFu) | (static_cast<uint32_t>(v[3]) << 16);
  }
  const uint32_t off2 = (static_cast<uint32_t>(offset) & 0xFFFFu) * 0x10001u;
  const int8_t* s = src + 4 * whole;
  uint32_t* d = dst + 2 * whole;
  while (s != src) {
    s -= 4;
    d -= 2;
    const uint32_t x = load_u32(s);
    d[0] = dsp::sxtab16(off2, x);
    d[1] = dsp::sxtab16_ror8(off2, x);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
