// The 3x3 depthwise row loops (depthwise_planar.hpp: rows_3x3_s1, rows_3x3_s2) in Thumb-2
// assembly, where GCC's schedule spills four of the 13 live values:
//   stride 1: 26 instructions per pair of outputs (9 loads, 12 multiply-accumulates, the store
//             and the loop);
//   stride 2: 27 per pair of outputs (GCC's loop: 21 per output), the middle word of each plane
//             row shared by the pair; an odd last output runs alone.
// Same results as the portable loops in depthwise_planar.cpp, which the host tests run; the
// kernel sweep runs these on the boards.
#include "optimized/depthwise_planar.hpp"

#if STRATA_ARM_DSP

namespace strata {
namespace kernels {
namespace optimized {
namespace {

struct RowsArgs {
  const int16_t* plane;   // r0 of the first output row
  int32_t pw_bytes;       // bytes per plane row
  int32_t* acc;           // first accumulator row
  int32_t acc_row_bytes;  // bytes per accumulator row
  int32_t rows;           // >= 1
  int32_t count;          // stride 1: pairs of outputs; stride 2: outputs (>= 1)
  uint32_t taps[5];       // Taps3x3: w01[0..2], w2a, w2b
};
static_assert(sizeof(Taps3x3) == 20, "the loop loads the taps as 5 words");

}  // namespace

// Registers: r4, r5, r6 = (w0,w1) of filter rows 0-2; r8 = (w[2], w[5]); r9 = (w[8], 0);
// r0 window pointer; r1 plane row bytes; r2 accumulator pointer; r3 pair counter; r10/r11 the
// two accumulators; r12 loaded word; lr lower filter rows' pointer. Frame: [sp] plane row,
// [sp+4] accumulator row, [sp+8] accumulator row bytes, [sp+12] rows left, [sp+16] pairs.
void rows_3x3_s1(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t pairs,
                 int32_t* acc, int32_t acc_stride) {
  RowsArgs args = {
      r0, pw * 2, acc, acc_stride * 4, rows, pairs, {t.w01[0], t.w01[1], t.w01[2], t.w2a, t.w2b}};
  register RowsArgs* a asm("r0") = &args;
  __asm__ volatile(
      "add lr, r0, #24\n\t"
      "ldmia lr, {r4, r5, r6, r8, r9}\n\t"
      "ldmia r0, {r0, r1, r2, r3, r10, r11}\n\t"
      "push {r0, r2, r3, r10, r11}\n\t"
      "1:\n\t"
      "ldr r0, [sp]\n\t"
      "ldr r2, [sp, #4]\n\t"
      "ldr r3, [sp, #16]\n\t"
      "2:\n\t"
      "ldr r12, [r0]\n\t"
      "smuad r10, r12, r4\n\t"
      "ldr r12, [r0, #2]\n\t"
      "smuad r11, r12, r4\n\t"
      "ldr r12, [r0, #4]\n\t"
      "smlabb r10, r12, r8, r10\n\t"
      "smlatb r11, r12, r8, r11\n\t"
      "add lr, r0, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r5, r10\n\t"
      "ldr r12, [lr, #2]\n\t"
      "smlad r11, r12, r5, r11\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabt r10, r12, r8, r10\n\t"
      "smlatt r11, r12, r8, r11\n\t"
      "add lr, lr, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r6, r10\n\t"
      "ldr r12, [lr, #2]\n\t"
      "smlad r11, r12, r6, r11\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabb r10, r12, r9, r10\n\t"
      "smlatb r11, r12, r9, r11\n\t"
      "strd r10, r11, [r2], #8\n\t"
      "add r0, r0, #4\n\t"
      "subs r3, r3, #1\n\t"
      "bne 2b\n\t"
      "ldr r0, [sp]\n\t"
      "add r0, r0, r1\n\t"
      "str r0, [sp]\n\t"
      "ldrd r2, r3, [sp, #4]\n\t"
      "add r2, r2, r3\n\t"
      "str r2, [sp, #4]\n\t"
      "ldr r3, [sp, #12]\n\t"
      "subs r3, r3, #1\n\t"
      "str r3, [sp, #12]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #20\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc", "memory");
}

// Same registers and frame as rows_3x3_s1 ([sp+16] outputs per row). Per pair (x, x+1) and plane
// row: A = (2x, 2x+1), B = (2x+2, 2x+3), C = (2x+4, 2x+5); x takes A and the bottom of B, x+1
// takes B and the bottom of C.
void rows_3x3_s2(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t n,
                 int32_t* acc, int32_t acc_stride) {
  RowsArgs args = {
      r0, pw * 2, acc, acc_stride * 4, rows, n, {t.w01[0], t.w01[1], t.w01[2], t.w2a, t.w2b}};
  register RowsArgs* a asm("r0") = &args;
  __asm__ volatile(
      "add lr, r0, #24\n\t"
      "ldmia lr, {r4, r5, r6, r8, r9}\n\t"
      "ldmia r0, {r0, r1, r2, r3, r10, r11}\n\t"
      "push {r0, r2, r3, r10, r11}\n\t"
      "1:\n\t"
      "ldr r0, [sp]\n\t"
      "ldr r2, [sp, #4]\n\t"
      "ldr r3, [sp, #16]\n\t"
      "subs r3, r3, #2\n\t"
      "blt 3f\n\t"
      "2:\n\t"
      "ldr r12, [r0]\n\t"
      "smuad r10, r12, r4\n\t"
      "ldr r12, [r0, #4]\n\t"
      "smlabb r10, r12, r8, r10\n\t"
      "smuad r11, r12, r4\n\t"
      "ldr r12, [r0, #8]\n\t"
      "smlabb r11, r12, r8, r11\n\t"
      "add lr, r0, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r5, r10\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabt r10, r12, r8, r10\n\t"
      "smlad r11, r12, r5, r11\n\t"
      "ldr r12, [lr, #8]\n\t"
      "smlabt r11, r12, r8, r11\n\t"
      "add lr, lr, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r6, r10\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabb r10, r12, r9, r10\n\t"
      "smlad r11, r12, r6, r11\n\t"
      "ldr r12, [lr, #8]\n\t"
      "smlabb r11, r12, r9, r11\n\t"
      "strd r10, r11, [r2], #8\n\t"
      "add r0, r0, #8\n\t"
      "subs r3, r3, #2\n\t"
      "bge 2b\n\t"
      "3:\n\t"
      "adds r3, r3, #2\n\t"
      "beq 4f\n\t"
      "ldr r12, [r0]\n\t"
      "smuad r10, r12, r4\n\t"
      "ldr r12, [r0, #4]\n\t"
      "smlabb r10, r12, r8, r10\n\t"
      "add lr, r0, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r5, r10\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabt r10, r12, r8, r10\n\t"
      "add lr, lr, r1\n\t"
      "ldr r12, [lr]\n\t"
      "smlad r10, r12, r6, r10\n\t"
      "ldr r12, [lr, #4]\n\t"
      "smlabb r10, r12, r9, r10\n\t"
      "str r10, [r2]\n\t"
      "4:\n\t"
      "ldr r0, [sp]\n\t"
      "add r0, r0, r1, lsl #1\n\t"
      "str r0, [sp]\n\t"
      "ldrd r2, r3, [sp, #4]\n\t"
      "add r2, r2, r3\n\t"
      "str r2, [sp, #4]\n\t"
      "ldr r3, [sp, #12]\n\t"
      "subs r3, r3, #1\n\t"
      "str r3, [sp, #12]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #20\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc", "memory");
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

#endif  // STRATA_ARM_DSP
