// The planar depthwise output stage (depthwise_requant_rows.hpp) in Thumb-2 assembly. Same results
// as the portable loop in the header, which the host tests run; the kernel sweep runs this one on
// the boards.
#include "optimized/depthwise_requant_rows.hpp"

#if STRATA_ARM_DSP

#include <cstddef>

namespace strata {
namespace kernels {
namespace optimized {

static_assert(sizeof(RequantRowsArgs) == 48, "the loop loads the arguments as 12 words");
static_assert(offsetof(RequantRowsArgs, constant_lo) == 28, "constants, then bias, at word 7");

// Requantizes accumulator ACC (bias added) into lr: the requantize_fast sequence, then SSAT.
#define STRATA_DW_REQUANT_TO_LR(ACC) \
  "add " ACC ", " ACC                \
  ", r9\n\t"                         \
  "and r12, " ACC                    \
  ", #0x80000000\n\t"                \
  "adds r12, r12, r4\n\t"            \
  "adc lr, r5, " ACC                 \
  ", asr #31\n\t"                    \
  "smlal r12, lr, " ACC              \
  ", r6\n\t"                         \
  "asr lr, lr, r8\n\t"               \
  "ssat lr, #8, lr\n\t"

// Registers: r4, r5 the folded constant; r6 multiplier; r8 shift; r9 bias; r0 accumulator walk;
// r1 output walk; r2 step; r3 outputs left in the row; r10, r11 a pair of accumulators; r12, lr
// the 64-bit sum. Frame: [sp] accumulator row, [sp+4] its bytes, [sp+8] output row, [sp+12] its
// bytes, [sp+16] rows left, [sp+20] outputs per row.
void requant_rows_full_range(const RequantRowsArgs& args) {
  register const RequantRowsArgs* a asm("r0") = &args;
  __asm__ volatile(
      "add lr, r0, #28\n\t"
      "ldmia lr, {r4, r5, r6, r8, r9}\n\t"
      "ldmia r0, {r0, r1, r2, r3, r10, r11, r12}\n\t"
      "push {r0, r1, r3, r10, r11, r12}\n\t"
      "1:\n\t"
      "ldr r0, [sp]\n\t"
      "ldr r1, [sp, #8]\n\t"
      "ldr r3, [sp, #20]\n\t"
      "subs r3, r3, #2\n\t"
      "blt 3f\n\t"
      "2:\n\t"
      "ldrd r10, r11, [r0], #8\n\t" STRATA_DW_REQUANT_TO_LR("r10")
      "strb lr, [r1]\n\t" STRATA_DW_REQUANT_TO_LR("r11")
      "strb lr, [r1, r2]\n\t"
      "add r1, r1, r2, lsl #1\n\t"
      "subs r3, r3, #2\n\t"
      "bge 2b\n\t"
      "3:\n\t"
      "adds r3, r3, #2\n\t"
      "beq 4f\n\t"
      "ldr r10, [r0]\n\t" STRATA_DW_REQUANT_TO_LR("r10")
      "strb lr, [r1]\n\t"
      "4:\n\t"
      "ldrd r0, r1, [sp]\n\t"
      "add r0, r0, r1\n\t"
      "str r0, [sp]\n\t"
      "ldrd r0, r1, [sp, #8]\n\t"
      "add r0, r0, r1\n\t"
      "str r0, [sp, #8]\n\t"
      "ldr r3, [sp, #16]\n\t"
      "subs r3, r3, #1\n\t"
      "str r3, [sp, #16]\n\t"
      "bne 1b\n\t"
      "add sp, sp, #24\n\t"
      : "+r"(a)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
}

#undef STRATA_DW_REQUANT_TO_LR

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

#endif  // STRATA_ARM_DSP
