#include "optimized/conv_block4_arm.hpp"

#if STRATA_ARM_DSP

namespace strata {
namespace kernels {
namespace optimized {

static_assert(sizeof(ChannelRequant) == 16, "the loop reads entries as 4 words");
static_assert(sizeof(Block4Args) == 40, "the loop copies the arguments as 10 words");

// Register map: r0-r3 accumulators of pixels 0-3; r4,r5,r6,r8 activations (LDM needs an ascending
// list); r9 weight pointer; r10 activation pointer; r11 group counter; r12/lr weight words.
// Frame: [sp] = Block4Args as passed (weights, bias, table, out and channels are advanced in
// place). r7 is untouched (frame pointer of unoptimized builds).
#define STRATA_B4_GROUP              \
  "ldr r12, [r9], #4\n\t"            \
  "ldmia r10!, {r4, r5, r6, r8}\n\t" \
  "sxtb16 lr, r12, ror #8\n\t"       \
  "sxtb16 r12, r12\n\t"              \
  "smlad r0, r12, r4, r0\n\t"        \
  "smlad r0, lr, r5, r0\n\t"         \
  "smlad r1, r12, r6, r1\n\t"        \
  "smlad r1, lr, r8, r1\n\t"         \
  "ldmia r10!, {r4, r5, r6, r8}\n\t" \
  "smlad r2, r12, r4, r2\n\t"        \
  "smlad r2, lr, r5, r2\n\t"         \
  "smlad r3, r12, r6, r3\n\t"        \
  "smlad r3, lr, r8, r3\n\t"

// Requantizes accumulator ACC with the entry in r4 (lo), r5 (hi), r6 (multiplier), r8 (shift)
// (see requantize.hpp) and leaves the saturated int8 in lr.
#define STRATA_B4_REQUANT(ACC) \
  "and r12, " ACC              \
  ", #0x80000000\n\t"          \
  "adds r12, r12, r4\n\t"      \
  "adc lr, r5, " ACC           \
  ", asr #31\n\t"              \
  "smlal r12, lr, " ACC        \
  ", r6\n\t"                   \
  "asr lr, lr, r8\n\t"         \
  "ssat lr, #8, lr\n\t"

// The channel loop; RAGGED rewinds the weight pointer by the window's overread after each row
// (Block4Args::reserved holds row_bytes - 4 * groups), else rows follow each other exactly.
#define STRATA_B4_LOOP(RAGGED) \
  "ldmia r0, {r0, r1, r2, r3, r4, r5, r6, r8, r9, r10}\n\t"                                    \
  "push {r0, r1, r2, r3, r4, r5, r6, r8, r9, r10}\n\t"                                         \
  "mov r9, r0\n\t"                                                                            \
  "1:\n\t"                                                                                    \
  "ldr r10, [sp, #4]\n\t"                                                                     \
  "ldr r12, [sp, #8]\n\t"                                                                     \
  "ldr r0, [r12], #4\n\t"                                                                     \
  "str r12, [sp, #8]\n\t"                                                                     \
  "mov r1, r0\n\t"                                                                            \
  "mov r2, r0\n\t"                                                                            \
  "mov r3, r0\n\t"                                                                            \
  "ldr r11, [sp, #28]\n\t"                                                                    \
  "subs r11, r11, #2\n\t"                                                                     \
  "blt 3f\n\t"                                                                                \
  "2:\n\t" STRATA_B4_GROUP STRATA_B4_GROUP                                                    \
  "subs r11, r11, #2\n\t"                                                                     \
  "bge 2b\n\t"                                                                                \
  "3:\n\t"                                                                                    \
  "adds r11, r11, #2\n\t"                                                                     \
  "beq 4f\n\t" STRATA_B4_GROUP                                                                \
  "4:\n\t" RAGGED                                                                             \
  "ldr r12, [sp, #12]\n\t"                                                                    \
  "ldmia r12!, {r4, r5, r6, r8}\n\t"                                                          \
  "str r12, [sp, #12]\n\t"                                                                    \
  "ldr r10, [sp, #16]\n\t"                                                                    \
  "ldr r11, [sp, #20]\n\t" STRATA_B4_REQUANT("r0") "strb lr, [r10]\n\t"                       \
  STRATA_B4_REQUANT("r1") "strb lr, [r10, r11]\n\t"                                           \
  "add r0, r10, r11, lsl #1\n\t" STRATA_B4_REQUANT("r2") "strb lr, [r0]\n\t"                  \
  STRATA_B4_REQUANT("r3") "strb lr, [r0, r11]\n\t"                                            \
  "add r10, r10, #1\n\t"                                                                      \
  "str r10, [sp, #16]\n\t"                                                                    \
  "ldr r12, [sp, #24]\n\t"                                                                    \
  "subs r12, r12, #1\n\t"                                                                     \
  "str r12, [sp, #24]\n\t"                                                                    \
  "bne 1b\n\t"                                                                                \
  "add sp, sp, #40\n\t"

#define STRATA_B4_REWIND   \
  "ldr r12, [sp, #36]\n\t" \
  "add r9, r9, r12\n\t"

void conv_block4_fast(const Block4Args& args) {
  register const Block4Args* a asm("r0") = &args;
  if (args.row_bytes == 4 * args.groups) {
    __asm__ volatile(STRATA_B4_LOOP("")
                     : "+r"(a)
                     :
                     : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr",
                       "cc", "memory");
  } else {
    __asm__ volatile(STRATA_B4_LOOP(STRATA_B4_REWIND)
                     : "+r"(a)
                     :
                     : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr",
                       "cc", "memory");
  }
}

#undef STRATA_B4_REWIND
#undef STRATA_B4_LOOP
#undef STRATA_B4_REQUANT
#undef STRATA_B4_GROUP

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

#endif  // STRATA_ARM_DSP
