// The int8 inner product of the optimized CONV_2D, DEPTHWISE_CONV_2D (as grouped convolution) and
// hybrid kernels: one int8 weight row against the windows of N output pixels at once, with the
// SMLAD instruction doing two multiply-accumulates per instruction.
//
// Activation block layout (what expand_into_block writes): the windows of N pixels, each already
// offset by the input zero point and sign-extended to int16, interleaved per group of 4 window
// values a0..a3 as [pixel 0: (a0,a2) (a1,a3)] [pixel 1: ...] ... [pixel N-1: ...], i.e. 2*N words
// per group. The pair order matches what SXTB16 makes of 4 weight bytes: sxtb16(w) = (w0,w2) and
// sxtb16(w ror 8) = (w1,w3), so each loaded weight word feeds 2*N SMLADs with no shuffling, and
// one pointer with fixed offsets walks all N windows (few registers: the loop fits in r0-r12).
// A window of k values occupies ceil(k/4) groups; the values past k are zero.
#pragma once

#include <cstdint>
#include <cstring>

#include "optimized/arm_dsp_shim.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// Bytes of an N-pixel block for windows of k values.
inline uint32_t block_bytes(int32_t k, int32_t n) {
  return static_cast<uint32_t>((k + 3) / 4) * 8u * static_cast<uint32_t>(n);
}

inline uint32_t load_u32(const void* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);  // an unaligned LDR on Armv7-M, a plain load on the host
  return v;
}

// Writes the window `src` (k int8 values) plus `offset` as row `j` of an `n`-row block.
// Padded window positions must already hold -offset (the input zero point) so they expand to 0.
inline void expand_into_block(const int8_t* src, int32_t k, int32_t offset, int32_t n, int32_t j,
                              uint32_t* block) {
  const uint32_t off2 = (static_cast<uint32_t>(offset) & 0xFFFFu) * 0x10001u;
  uint32_t* dst = block + 2 * j;
  const int32_t stride = 2 * n;
  int32_t i = 0;
  for (; i + 4 <= k; i += 4) {
    const uint32_t x = load_u32(src + i);
    dst[0] = dsp::sxtab16(off2, x);
    dst[1] = dsp::sxtab16_ror8(off2, x);
    dst += stride;
  }
  if (i < k) {  // partial last group: missing values contribute 0
    int32_t v[4] = {0, 0, 0, 0};
    for (int32_t t = 0; i + t < k; ++t) v[t] = src[i + t] + offset;
    dst[0] = (static_cast<uint32_t>(v[0]) & 0xFFFFu) | (static_cast<uint32_t>(v[2]) << 16);
    dst[1] = (static_cast<uint32_t>(v[1]) & 0xFFFFu) | (static_cast<uint32_t>(v[3]) << 16);
  }
}

// Zeroes row j of an n-row block (a pixel slot past the end of the output).
inline void clear_block_row(int32_t k, int32_t n, int32_t j, uint32_t* block) {
  uint32_t* dst = block + 2 * j;
  for (int32_t g = 0; g < (k + 3) / 4; ++g, dst += 2 * n) dst[0] = dst[1] = 0;
}

// The last, partial group of a weight row, read byte by byte so it never reads past the row.
inline uint32_t load_tail_weights(const int8_t* w, int32_t count) {
  uint32_t v = 0;
  for (int32_t t = 0; t < count; ++t) v |= (static_cast<uint32_t>(w[t]) & 0xFFu) << (8 * t);
  return v;
}

// One group of 4 weights against the N windows' group.
template <int N>
inline void dot_group(uint32_t w, const uint32_t* a, int32_t* acc) {
  const uint32_t w02 = dsp::sxtb16(w);
  const uint32_t w13 = dsp::sxtb16_ror8(w);
#pragma GCC unroll 8
  for (int j = 0; j < N; ++j) {
    acc[j] = dsp::smlad(w02, a[2 * j], acc[j]);
    acc[j] = dsp::smlad(w13, a[2 * j + 1], acc[j]);
  }
}

#if STRATA_ARM_DSP
// The 4-pixel loop over pairs of groups in Thumb-2 assembly: GCC does not find a schedule without
// a spill, and LDM fetches two pixels' activations in one instruction. 28 instructions per 32
// multiply-accumulates. Fixed registers because LDM needs its list in ascending order (r7 is left
// alone: it is the frame pointer in unoptimized builds).
inline void dot_pairs4(const int8_t*& w, const uint32_t*& block, int32_t pairs, int32_t* acc) {
  register int32_t c0 asm("r0") = acc[0];
  register int32_t c1 asm("r1") = acc[1];
  register int32_t c2 asm("r2") = acc[2];
  register int32_t c3 asm("r3") = acc[3];
  register const int8_t* wp asm("r9") = w;
  register const uint32_t* ap asm("r10") = block;
  register int32_t n asm("r11") = pairs;
  register uint32_t a0 asm("r4");
  register uint32_t a1 asm("r5");
  register uint32_t a2 asm("r6");
  register uint32_t a3 asm("r8");
  register uint32_t wl asm("r12");
  register uint32_t wh asm("lr");
#define STRATA_DOT4_GROUP                          \
  "ldr %[wl], [%[wp]], #4\n\t"                     \
  "ldmia %[ap]!, {%[a0], %[a1], %[a2], %[a3]}\n\t" \
  "sxtb16 %[wh], %[wl], ror #8\n\t"                \
  "sxtb16 %[wl], %[wl]\n\t"                        \
  "smlad %[c0], %[wl], %[a0], %[c0]\n\t"           \
  "smlad %[c0], %[wh], %[a1], %[c0]\n\t"           \
  "smlad %[c1], %[wl], %[a2], %[c1]\n\t"           \
  "smlad %[c1], %[wh], %[a3], %[c1]\n\t"           \
  "ldmia %[ap]!, {%[a0], %[a1], %[a2], %[a3]}\n\t" \
  "smlad %[c2], %[wl], %[a0], %[c2]\n\t"           \
  "smlad %[c2], %[wh], %[a1], %[c2]\n\t"           \
  "smlad %[c3], %[wl], %[a2], %[c3]\n\t"           \
  "smlad %[c3], %[wh], %[a3], %[c3]\n\t"
  __asm__ volatile("1:\n\t" STRATA_DOT4_GROUP STRATA_DOT4_GROUP
                   "subs %[n], %[n], #1\n\t"
                   "bne 1b\n\t"
                   : [c0] "+r"(c0), [c1] "+r"(c1), [c2] "+r"(c2), [c3] "+r"(c3), [wp] "+r"(wp),
                     [ap] "+r"(ap), [n] "+r"(n), [a0] "=&r"(a0), [a1] "=&r"(a1), [a2] "=&r"(a2),
                     [a3] "=&r"(a3), [wl] "=&r"(wl), [wh] "=&r"(wh)
                   :
                   : "cc", "memory");
#undef STRATA_DOT4_GROUP
  acc[0] = c0;
  acc[1] = c1;
  acc[2] = c2;
  acc[3] = c3;
  w = wp;
  block = ap;
}
#endif

// acc[j] += sum over the k window values of weight * activation, for the N windows of `block`.
// Not inlined: the 4-pixel assembly loop pins 13 registers, which would force the caller's
// per-channel state onto the stack; a call costs fewer instructions than those reloads.
template <int N>
__attribute__((noinline)) void dot_block(const int8_t* w, int32_t k, const uint32_t* block,
                                         int32_t* acc) {
  int32_t a[N];
#pragma GCC unroll 8
  for (int j = 0; j < N; ++j) a[j] = acc[j];
  const uint32_t* p = block;
  int32_t groups = k >> 2;
#if STRATA_ARM_DSP
  if constexpr (N == 4) {
    if (groups >= 2) {
      dot_pairs4(w, p, groups >> 1, a);
      groups &= 1;
    }
  }
#endif
  for (; groups >= 2; groups -= 2) {  // two groups per iteration halve the loop overhead
    const uint32_t w0 = load_u32(w);
    const uint32_t w1 = load_u32(w + 4);
    dot_group<N>(w0, p, a);
    dot_group<N>(w1, p + 2 * N, a);
    w += 8;
    p += 4 * N;
  }
  if (groups != 0) {
    dot_group<N>(load_u32(w), p, a);
    w += 4;
    p += 2 * N;
  }
  if ((k & 3) != 0) dot_group<N>(load_tail_weights(w, k & 3), p, a);
#pragma GCC unroll 8
  for (int j = 0; j < N; ++j) acc[j] = a[j];
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
