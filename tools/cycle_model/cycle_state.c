/* Run-time cost rules of the Cortex-M4 cycle model (see cycle_state.h). */
#include "cycle_state.h"

#include <string.h>

void cycle_reset(struct cycle_state *s) {
  memset(s, 0, sizeof(*s));
  s->leader_dest = INSN_NO_REG;
}

static void charge(struct cycle_state *s, unsigned cls, int64_t cycles) {
  s->cycles += (uint64_t)cycles;
  s->class_cycles[cls] += (uint64_t)cycles;
}

/* Settles the previous instruction now that the next executed address is known (UINT64_MAX: none).
 */
static void settle(struct cycle_state *s, uint64_t next_pc) {
  const struct insn_info *p = s->prev;
  if (p == NULL) return;
  int executed = 1;
  if (s->prev_conditional && p->memory && !s->accessed) {
    /* Its condition failed: it went through the pipeline as a 1-cycle NOP. */
    charge(s, p->cls, 1 - (int64_t)s->prev_charged);
    s->skipped++;
    executed = 0;
  }
  if (p->refill != 0 && next_pc != (uint64_t)p->pc + p->size) {
    charge(s, p->cls, p->refill);
    s->taken++;
  }
  s->leader_dest = executed && p->pipe_leader ? p->load_dest : INSN_NO_REG;
  s->prev = NULL;
}

void cycle_exec(struct cycle_state *s, const struct insn_info *in) {
  settle(s, in->pc);
  const int conditional = s->it_left > 0;
  if (conditional) s->it_left--;
  unsigned cost = in->cycles;
  if (in->pipe_follower && s->leader_dest != INSN_NO_REG &&
      (in->addr_regs & (1u << s->leader_dest)) == 0) {
    cost = 1;
    s->pipelined++;
  }
  s->insns++;
  s->class_insns[in->cls]++;
  charge(s, in->cls, cost);
  s->prev = in;
  s->prev_conditional = (uint8_t)conditional;
  s->prev_charged = (uint8_t)cost;
  s->accessed = 0;
  if (in->it_count != 0) s->it_left = in->it_count;
}

void cycle_mem(struct cycle_state *s) { s->accessed = 1; }

void cycle_finish(struct cycle_state *s) { settle(s, UINT64_MAX); }
