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

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
