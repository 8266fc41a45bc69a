/* The run-time half of the Cortex-M4 cycle model: charges each executed instruction its static cost
 * (thumb_decode.h) and applies what only the run shows:
 *  - a single load or store right after a single load costs 1 cycle instead of 2 when its
 *    address does not use the register that load wrote (TRM r0p1 3.3.2, "LDR [any] are pipelined
 *    when possible");
 *  - a branch whose next executed instruction is not the following one is taken: + its refill (P);
 *  - an instruction inside an IT block that makes no memory access although it is a load/store was
 *    skipped by its condition: it costs 1 cycle (it passes through the pipeline as a NOP).
 * The previous instruction is settled when the next one starts, so every figure is exact at the
 * moment an instruction executes. No QEMU types here: the host tests drive it directly.
 */
#ifndef STRATA_CYCLE_STATE_H
#define STRATA_CYCLE_STATE_H

#include <stdint.h>

#include "thumb_decode.h"

#ifdef __cplusplus
extern "C" {
#endif

struct cycle_state {
  uint64_t cycles; /* estimated cycles so far */
  uint64_t insns;  /* executed instructions so far (IT-skipped ones included, as QEMU counts) */
  const struct insn_info *prev; /* the instruction executed last, not settled yet */
  uint8_t prev_conditional;     /* it was inside an IT block */
  uint8_t prev_charged;         /* cycles charged for it so far */
  uint8_t accessed;             /* it made a memory access */
  uint8_t it_left;              /* instructions still inside the current IT block */
  uint8_t leader_dest;          /* register the last executed pipe_leader loaded, or INSN_NO_REG */
  /* statistics for the report */
  uint64_t class_insns[CLS_COUNT];
  uint64_t class_cycles[CLS_COUNT];
  uint64_t taken;     /* branches taken (refills charged) */
  uint64_t pipelined; /* loads/stores charged 1 behind a load */
  uint64_t skipped;   /* loads/stores skipped by IT */
};

void cycle_reset(struct cycle_state *s);
/* `in` starts executing (its static info must outlive the run). */
void cycle_exec(struct cycle_state *s, const struct insn_info *in);
/* The instruction executing now made a data memory access. */
void cycle_mem(struct cycle_state *s);
/* The run ends: settles the last instruction (as not taken: nothing follows it). */
void cycle_finish(struct cycle_state *s);

#ifdef __cplusplus
}
#endif

#endif
