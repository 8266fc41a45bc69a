/* Static cost of one Thumb-2 instruction (ARMv7E-M with the FPv4-SP FPU) on a Cortex-M4.
 *
 * thumb_decode() reads the instruction's bytes and says what the Cortex-M4 Technical Reference
 * Manual (r0p1, section 3.3 "Instruction set summary", Table 3-1 and section 3.3.2 "Load/store
 * timings"; FPU: section 7.2.3, Table 7-1) charges for it when it executes with zero-wait-state
 * memory. What depends on the run (a conditional branch taken or not, a load pipelined behind
 * another load, an instruction skipped by IT) is applied by cycle_state.c from the flags below.
 * docs/cycle-model.md lists every figure and its source.
 */
#ifndef STRATA_THUMB_DECODE_H
#define STRATA_THUMB_DECODE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What an instruction does, for its cost and for the per-class statistics. */
enum insn_class {
  CLS_ALU,         /* data processing, moves, shifts, extends, bit fields, SSAT, SIMD, IT */
  CLS_MUL,         /* MUL, MLA, MLS, long multiplies, DSP multiplies */
  CLS_DIV,         /* SDIV, UDIV */
  CLS_LOAD,        /* single load: LDR, LDRB, LDRH, LDRSB, LDRSH, LDREX*, LDRT... */
  CLS_STORE,       /* single store: STR, STRB, STRH, STREX*, STRT... */
  CLS_DUAL,        /* LDRD, STRD */
  CLS_MULTIPLE,    /* LDM, STM, PUSH, POP */
  CLS_BRANCH,      /* B, BL, BX, BLX, CBZ, CBNZ, TBB, TBH, ADD/MOV to PC */
  CLS_FP,          /* VADD, VSUB, VMUL, VNMUL, VABS, VNEG, VCMP, VCVT, VMOV, VMRS, VMSR */
  CLS_FP_MAC,      /* VMLA, VMLS, VNMLA, VNMLS, VFMA, VFMS, VFNMA, VFNMS */
  CLS_FP_DIV,      /* VDIV, VSQRT */
  CLS_FP_LOAD,     /* VLDR, VSTR */
  CLS_FP_MULTIPLE, /* VLDM, VSTM, VPUSH, VPOP */
  CLS_SYSTEM,      /* MRS, MSR, CPS, barriers, SVC, BKPT, WFI, WFE, PLD, PLI */
  CLS_UNKNOWN,     /* not an ARMv7E-M + FPv4-SP encoding this decoder knows: counted and reported */
  CLS_COUNT
};

#define INSN_NO_REG 0xFF

/* Pipeline refills (the TRM's P) the model charges when an instruction changes the PC. */
enum {
  REFILL_IMMEDIATE = 1, /* B, B<c>, BL, CBZ, CBNZ: "normally 1 cycle of pipeline reload" */
  REFILL_REGISTER = 2,  /* BX, BLX, MOV/ADD to PC: "normally 2 cycles of pipeline reload" */
  REFILL_LOAD = 3       /* LDR PC, POP/LDM with PC, TBB, TBH: 3 cycles of reload (3.3.2) */
};

struct insn_info {
  uint32_t pc;           /* address of the instruction */
  uint32_t encoding;     /* first halfword, or first << 16 | second for 32-bit instructions */
  uint8_t size;          /* 2 or 4 bytes */
  uint8_t cls;           /* enum insn_class */
  uint8_t cycles;        /* when executed: not pipelined, branch not taken */
  uint8_t refill;        /* added when the next executed instruction is not at pc + size */
  uint8_t it_count;      /* IT: how many instructions it makes conditional; 0 otherwise */
  uint8_t memory;        /* accesses data memory (an IT-skipped one does not) */
  uint8_t pipe_leader;   /* a single load that lets the next single load/store pipeline */
  uint8_t pipe_follower; /* a single load/store that costs 1 cycle behind a pipe_leader */
  uint8_t load_dest;     /* pipe_leader: the loaded register (a follower using it for its address
                            cannot pipeline); INSN_NO_REG otherwise */
  uint8_t timer_load;    /* a single word load: may read the timer the checkpoints watch */
  uint16_t addr_regs;    /* registers (bit n = Rn) forming the address of a load/store */
};

/* Decodes the instruction at `pc` from its bytes (little-endian halfwords; `available` bytes may
 * run past the instruction: its first halfword says whether it is 16 or 32 bits long). */
void thumb_decode(uint32_t pc, const uint8_t *bytes, unsigned available, struct insn_info *out);

/* Short class name for reports ("alu", "load", ...). */
const char *insn_class_name(unsigned cls);

#ifdef __cplusplus
}
#endif

#endif
