#include "optimized/depthwise_pixel_arm.hpp"

#if STRATA_ARM_DSP

namespace strata {
namespace kernels {
namespace optimized {

static_assert(sizeof(DwPixelArgs) == 32, "the loop copies the arguments as 8 words");

// Registers in the tap loop: r0-r3 accumulators of channels c..c+3; r4 tap pointer walk; r5 byte
// offset c of the group; r6 weight walk; r8 tap counter; r10 input word / even lanes; r11 odd
// lanes; r12, lr weight pairs. Frame: [sp] = DwPixelArgs (weights, bias, table, out advanced per
// group; reserved = groups left).
#define STRATA_DW_TAP           \
  "ldr r10, [r4], #4\n\t"       \
  "ldr r10, [r10, r5]\n\t"      \
  "ldrd r12, lr, [r6], #8\n\t"  \
  "sxtb16 r11, r10, ror #8\n\t" \
  "sxtb16 r10, r10\n\t"         \
  "smlabb r0, r10, r12, r0\n\t" \
  "smlatt r2, r10, r12, r2\n\t" \
  "smlabb r1, r11, lr, r1\n\t"  \
  "smlatt r3, r11, lr, r3\n\t"
// Requantizes ACC with the next table entry (r12 walks the table) into byte K of the output (lr).
#define STRATA_DW_REQUANT(ACC, K)    \
  "ldmia r12!, {r4, r6, r8, r9}\n\t" \
  "and r10, " ACC                    \
  ", #0x80000000\n\t"                \
  "adds r10, r10, r4\n\t"            \
  "adc r11, r6, " ACC                \
  ", asr #31\n\t"                    \
  "smlal r10, r11, " ACC             \
  ", r8\n\t"                         \
  "asr r11, r11, r9\n\t"             \
  "ssat r11, #8, r11\n\t"            \
  "strb r11, [lr, #" K "]\n\t"

namespace {

// 3x3 windows (nine taps, the depthwise layers of the image and keyword models): the tap loop
// fully unrolled, without its counter and branches (12 fewer instructions per group of 4
// channels, a third of an instruction per MAC).
void dw_pixel_groups_9taps(const DwPixelArgs& args) {
  register const DwPixelArgs* a asm("r0") = &args;
  __asm__ volatile(
      "ldmia r0, {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      "lsr r8, r6, #2\n\t"  // groups left
      "push {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      "mov r5, #0\n\t"
      "1:\n\t"
      "ldr r12, [sp, #12]\n\t"
      "ldmia r12!, {r0, r1, r2, r3}\n\t"
      "str r12, [sp, #12]\n\t"
      "ldr r4, [sp]\n\t"
      "ldr r6, [sp, #8]\n\t" STRATA_DW_TAP STRATA_DW_TAP STRATA_DW_TAP STRATA_DW_TAP STRATA_DW_TAP
          STRATA_DW_TAP STRATA_DW_TAP STRATA_DW_TAP STRATA_DW_TAP
      "str r6, [sp, #8]\n\t"
      "ldrd r12, lr, [sp, #16]\n\t" STRATA_DW_REQUANT("r0", "0") STRATA_DW_REQUANT("r1", "1")
          STRATA_DW_REQUANT("r2", "2") STRATA_DW_REQUANT("r3", "3")
      "add lr, lr, #4\n\t"
      "strd r12, lr, [sp, #16]\n\t"
      "add r5, r5, #4\n\t"
      "ldr r12, [sp, #28]\n\t"
      "subs r12, r12, #1\n\t"
      "str r12, [sp, #28]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #32\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
}

}  // namespace

void dw_pixel_groups(const DwPixelArgs& args) {
  if (args.taps == 9) {
    dw_pixel_groups_9taps(args);
    return;
  }
  register const DwPixelArgs* a asm("r0") = &args;
  __asm__ volatile(
      "ldmia r0, {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      "lsr r8, r6, #2\n\t"  // groups left
      "push {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      "mov r5, #0\n\t"
      "1:\n\t"
      "ldr r12, [sp, #12]\n\t"
      "ldmia r12!, {r0, r1, r2, r3}\n\t"
      "str r12, [sp, #12]\n\t"
      "ldr r4, [sp]\n\t"
      "ldr r6, [sp, #8]\n\t"
      "ldr r8, [sp, #4]\n\t"
      "subs r8, r8, #2\n\t"
      "blt 3f\n\t"
      "2:\n\t" STRATA_DW_TAP STRATA_DW_TAP
      "subs r8, r8, #2\n\t"
      "bge 2b\n\t"
      "3:\n\t"
      "adds r8, r8, #2\n\t"
      "beq 4f\n\t" STRATA_DW_TAP
      "4:\n\t"
      "str r6, [sp, #8]\n\t"
      "ldrd r12, lr, [sp, #16]\n\t" STRATA_DW_REQUANT("r0", "0") STRATA_DW_REQUANT("r1", "1")
          STRATA_DW_REQUANT("r2", "2") STRATA_DW_REQUANT("r3", "3")
      "add lr, lr, #4\n\t"
      "strd r12, lr, [sp, #16]\n\t"
      "add r5, r5, #4\n\t"
      "ldr r12, [sp, #28]\n\t"
      "subs r12, r12, #1\n\t"
      "str r12, [sp, #28]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #32\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
}

#undef STRATA_DW_REQUANT
#undef STRATA_DW_TAP

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

#endif  // STRATA_ARM_DSP
