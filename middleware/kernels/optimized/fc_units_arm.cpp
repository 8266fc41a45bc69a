#include "optimized/fc_units_arm.hpp"

#if STRATA_ARM_DSP

namespace strata {
namespace kernels {
namespace optimized {

static_assert(sizeof(FcUnitsArgs) == 32, "the loop copies the arguments as 8 words");

// Registers: r0 accumulator; r1 weight pointer (runs through all rows); r2 activation pointer;
// r3 block counter; r4,r5,r6,r8 weight words; r9-r12 activation words; lr unpacked weights.
// Frame: [sp] = FcUnitsArgs (bias, table, out and units are advanced in place).
#define STRATA_FC_WORD(W, A, B) \
  "sxtb16 lr, " W               \
  ", ror #8\n\t"                \
  "sxtb16 " W ", " W            \
  "\n\t"                        \
  "smlad r0, " W ", " A         \
  ", r0\n\t"                    \
  "smlad r0, lr, " B ", r0\n\t"
#define STRATA_FC_BLOCK16                                                                        \
  "ldmia r1!, {r4, r5, r6, r8}\n\t"                                                              \
  "ldmia r2!, {r9, r10, r11, r12}\n\t" STRATA_FC_WORD("r4", "r9", "r10") STRATA_FC_WORD(         \
      "r5", "r11", "r12") "ldmia r2!, {r9, r10, r11, r12}\n\t" STRATA_FC_WORD("r6", "r9", "r10") \
      STRATA_FC_WORD("r8", "r11", "r12")

void fc_units_fast(const FcUnitsArgs& args) {
  register const FcUnitsArgs* a asm("r0") = &args;
  __asm__ volatile(
      "ldmia r0, {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      "push {r0, r1, r2, r3, r4, r5, r6, r8}\n\t"
      // [sp]: weights, x, blocks, bias, table, table_step, out, units
      "ldr r1, [sp]\n\t"
      "1:\n\t"
      "ldrd r2, r3, [sp, #4]\n\t"
      "ldr r12, [sp, #12]\n\t"
      "ldr r0, [r12], #4\n\t"
      "str r12, [sp, #12]\n\t"
      "subs r3, r3, #2\n\t"
      "blt 3f\n\t"
      "2:\n\t" STRATA_FC_BLOCK16 STRATA_FC_BLOCK16
      "subs r3, r3, #2\n\t"
      "bge 2b\n\t"
      "3:\n\t"
      "adds r3, r3, #2\n\t"
      "beq 4f\n\t" STRATA_FC_BLOCK16
      "4:\n\t"
      "ldrd r12, lr, [sp, #16]\n\t"
      "ldmia r12, {r4, r5, r6, r8}\n\t"
      "add r12, r12, lr\n\t"
      "str r12, [sp, #16]\n\t"
      "and r12, r0, #0x80000000\n\t"
      "adds r12, r12, r4\n\t"
      "adc lr, r5, r0, asr #31\n\t"
      "smlal r12, lr, r0, r6\n\t"
      "asr lr, lr, r8\n\t"
      "ssat lr, #8, lr\n\t"
      "ldr r12, [sp, #24]\n\t"
      "strb lr, [r12], #1\n\t"
      "str r12, [sp, #24]\n\t"
      "ldr r12, [sp, #28]\n\t"
      "subs r12, r12, #1\n\t"
      "str r12, [sp, #28]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #32\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc", "memory");
}

#undef STRATA_FC_BLOCK16
#undef STRATA_FC_WORD

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

#endif  // STRATA_ARM_DSP
