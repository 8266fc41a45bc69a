/* Thumb-2 decoder for the Cortex-M4 cycle model (see thumb_decode.h).
 *
 * Encodings follow the ARMv7-M Architecture Reference Manual (Arm DDI 0403E), chapter A5 "The Thumb
 * Instruction Set Encoding" (A5.2 16-bit, A5.3 32-bit) and chapter A6 "The Floating-point
 * Instruction Set Encoding". Costs follow the Cortex-M4 TRM (Arm DDI 0439, revision r0p1): Table
 * 3-1 and 3.3.2 "Load/store timings" for the core, Table 7-1 "FPU instruction set" for the FPU.
 */
#include "thumb_decode.h"

#include <string.h>

/* Costs from the TRM tables, in cycles, before run-time effects. */
enum {
  COST_ONE = 1,              /* most data processing, multiplies, FP arithmetic, hints */
  COST_DIVIDE = 12,          /* SDIV/UDIV "2 to 12", early termination on operand values the plugin
                                cannot see (API v1 has no register access): the upper bound */
  COST_SINGLE = 2,           /* LDR/STR family: 2, or 1 when pipelined (cycle_state.c) */
  COST_STORE_IMM = 1,        /* "STR Rx,[Ry,#imm] is always one cycle" (3.3.2) */
  COST_DUAL = 3,             /* LDRD/STRD: 1 + N with N = 2, never pipelined (3.3.2) */
  COST_TABLE_BRANCH = 3,     /* TBB/TBH: 2 for the load, 1 for the add, then the refill (3.3.2) */
  COST_FP_MAC = 3,           /* VMLA/VMLS/VNMLA/VNMLS/VFMA/VFMS/VFNMA/VFNMS */
  COST_FP_DIVIDE = 14,       /* VDIV, VSQRT */
  COST_FP_PAIR = 2,          /* VMOV between two core registers and two singles or a doubleword */
  COST_FP_SINGLE = 2,        /* VLDR.32, VSTR.32 */
  COST_FP_DOUBLE = 3,        /* VLDR.64, VSTR.64 */
  COST_ISB = 1 + REFILL_LOAD /* ISB: 1 + B, B at least a pipeline refill */
};

static unsigned popcount16(uint32_t v) {
  unsigned n = 0;
  for (v &= 0xFFFF; v != 0; v &= v - 1) ++n;
  return n;
}

static unsigned bits(uint32_t v, unsigned hi, unsigned lo) {
  return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

static void classify(struct insn_info *o, unsigned cls, unsigned cycles) {
  o->cls = (uint8_t)cls;
  o->cycles = (uint8_t)cycles;
}

static void unknown(struct insn_info *o) { classify(o, CLS_UNKNOWN, COST_ONE); }

static void branch(struct insn_info *o, unsigned cycles, unsigned refill) {
  classify(o, CLS_BRANCH, cycles);
  o->refill = (uint8_t)refill;
}

/* A single load of register rt addressed by rn (and rm, or INSN_NO_REG). */
static void single_load(struct insn_info *o, unsigned rt, unsigned rn, unsigned rm, int word) {
  o->memory = 1;
  o->addr_regs = (uint16_t)((1u << rn) | (rm == INSN_NO_REG ? 0 : 1u << rm));
  if (rt == 15) {
    /* LDR PC: "always a blocking operation": 2 for the load plus the refill, never pipelined. */
    classify(o, CLS_LOAD, COST_SINGLE);
    o->refill = REFILL_LOAD;
    return;
  }
  classify(o, CLS_LOAD, COST_SINGLE);
  o->pipe_leader = 1;
  o->pipe_follower = 1;
  o->load_dest = (uint8_t)rt;
  o->timer_load = (uint8_t)(word && rn != 15);
}

/* A single store addressed by rn (and rm, or INSN_NO_REG for an immediate offset). */
static void single_store(struct insn_info *o, unsigned rn, unsigned rm) {
  o->memory = 1;
  o->addr_regs = (uint16_t)((1u << rn) | (rm == INSN_NO_REG ? 0 : 1u << rm));
  if (rm == INSN_NO_REG) {
    classify(o, CLS_STORE, COST_STORE_IMM);
  } else {
    classify(o, CLS_STORE, COST_SINGLE);
    o->pipe_follower = 1; /* "STR can only be pipelined when it follows an LDR" */
  }
}

/* LDM/STM/PUSH/POP of `count` registers; a load of the PC adds the refill. */
static void multiple(struct insn_info *o, unsigned count, int loads_pc) {
  o->memory = 1;
  classify(o, CLS_MULTIPLE, 1 + count);
  if (loads_pc) o->refill = REFILL_LOAD;
}

/* ---- 16-bit encodings (ARMv7-M ARM A5.2) ---- */

static void decode_misc16(uint32_t hw, struct insn_info *o) {
  const unsigned op = bits(hw, 11, 5);
  if ((op & 0x78) == 0x00) { /* ADD/SUB SP, SP, #imm */
    classify(o, CLS_ALU, COST_ONE);
  } else if ((op & 0x28) == 0x08) { /* CBZ, CBNZ: 1, or 1 + P when taken */
    branch(o, COST_ONE, REFILL_IMMEDIATE);
  } else if ((op & 0x78) == 0x10) { /* SXTH, SXTB, UXTH, UXTB */
    classify(o, CLS_ALU, COST_ONE);
  } else if ((op & 0x70) == 0x20) { /* PUSH {list, LR} */
    multiple(o, popcount16(hw & 0xFF) + bits(hw, 8, 8), 0);
  } else if (op == 0x33) { /* CPS: "1 or 2", rare (start-up): 1 */
    classify(o, CLS_SYSTEM, COST_ONE);
  } else if ((op & 0x78) == 0x50 && (op & 0x06) != 0x04) { /* REV, REV16, REVSH */
    classify(o, CLS_ALU, COST_ONE);
  } else if ((op & 0x70) == 0x60) { /* POP {list, PC} */
    multiple(o, popcount16(hw & 0xFF) + bits(hw, 8, 8), bits(hw, 8, 8));
  } else if ((op & 0x78) == 0x70) { /* BKPT (semihosting): exception entry is not modelled */
    classify(o, CLS_SYSTEM, COST_ONE);
  } else if ((op & 0x78) == 0x78) {
    const unsigned mask = hw & 0xF;
    if (mask != 0) { /* IT: the instructions it makes conditional: 4 - trailing zeros of mask */
      classify(o, CLS_ALU, COST_ONE);
      o->it_count = (uint8_t)(4 - (mask & 1 ? 0 : mask & 2 ? 1 : mask & 4 ? 2 : 3));
    } else if (bits(hw, 7, 4) <= 4) { /* NOP, YIELD, WFE, WFI, SEV (no waiting modelled) */
      classify(o, bits(hw, 7, 4) == 0 ? CLS_ALU : CLS_SYSTEM, COST_ONE);
    } else {
      unknown(o);
    }
  } else {
    unknown(o);
  }
}

static void decode16(uint32_t hw, struct insn_info *o) {
  const unsigned top = bits(hw, 15, 10);
  if ((top & 0x30) == 0x00) { /* shift (immediate), add, subtract, move, compare */
    classify(o, CLS_ALU, COST_ONE);
  } else if (top == 0x10) { /* data processing; MUL (opcode 1101) is 1 cycle too */
    classify(o, bits(hw, 9, 6) == 0xD ? CLS_MUL : CLS_ALU, COST_ONE);
  } else if (top == 0x11) { /* special data processing, BX, BLX */
    const unsigned op = bits(hw, 9, 6);
    const unsigned rd = bits(hw, 7, 7) << 3 | bits(hw, 2, 0);
    if ((op & 0xC) == 0xC) { /* BX / BLX Rm */
      branch(o, COST_ONE, REFILL_REGISTER);
    } else if ((op & 0xC) != 0x4 && rd == 15) { /* ADD PC, Rm / MOV PC, Rm: 1 + P */
      branch(o, COST_ONE, REFILL_REGISTER);
    } else {
      classify(o, CLS_ALU, COST_ONE);
    }
  } else if ((top & 0x3E) == 0x12) { /* LDR Rt, [PC, #imm] */
    single_load(o, bits(hw, 10, 8), 15, INSN_NO_REG, 1);
  } else if ((top & 0x3C) == 0x14) { /* load/store, register offset */
    const unsigned opb = bits(hw, 11, 9), rm = bits(hw, 8, 6), rn = bits(hw, 5, 3);
    if (opb <= 2) {
      single_store(o, rn, rm);
    } else {
      single_load(o, bits(hw, 2, 0), rn, rm, opb == 4);
    }
  } else if ((top & 0x38) == 0x18 || (top & 0x3C) == 0x20) { /* STR/LDR(B) imm5, STRH/LDRH imm5 */
    const unsigned rn = bits(hw, 5, 3), rt = bits(hw, 2, 0);
    const int load = bits(hw, 11, 11);
    if (load) {
      single_load(o, rt, rn, INSN_NO_REG, (top & 0x3C) == 0x18);
    } else {
      single_store(o, rn, INSN_NO_REG);
    }
  } else if ((top & 0x3C) == 0x24) { /* STR/LDR Rt, [SP, #imm] */
    if (bits(hw, 11, 11)) {
      single_load(o, bits(hw, 10, 8), 13, INSN_NO_REG, 1);
    } else {
      single_store(o, 13, INSN_NO_REG);
    }
  } else if ((top & 0x3C) == 0x28) { /* ADR, ADD Rd, SP, #imm */
    classify(o, CLS_ALU, COST_ONE);
  } else if ((top & 0x3C) == 0x2C) {
    decode_misc16(hw, o);
  } else if ((top & 0x3C) == 0x30) { /* STM / LDM Rn!, {list} */
    multiple(o, popcount16(hw & 0xFF), 0);
  } else if ((top & 0x3C) == 0x34) {
    const unsigned cond = bits(hw, 11, 8);
    if (cond == 0xE) { /* UDF */
      unknown(o);
    } else if (cond == 0xF) { /* SVC: exception entry is not modelled */
      classify(o, CLS_SYSTEM, COST_ONE);
    } else { /* B<c>: 1, or 1 + P when taken */
      branch(o, COST_ONE, REFILL_IMMEDIATE);
    }
  } else if ((top & 0x3E) == 0x38) { /* B */
    branch(o, COST_ONE, REFILL_IMMEDIATE);
  } else {
    unknown(o);
  }
}

/* ---- 32-bit encodings (ARMv7-M ARM A5.3) ---- */

static void decode_load_store_multiple(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op = bits(hw1, 8, 7), load = bits(hw1, 4, 4);
  if (op != 1 && op != 2) { /* SRS/RFE: not in ARMv7-M */
    unknown(o);
    return;
  }
  multiple(o, popcount16(hw2), load && (hw2 & 0x8000));
}

static void decode_dual_exclusive_table(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw1, 8, 7), op2 = bits(hw1, 5, 4), op3 = bits(hw2, 7, 4);
  const unsigned rn = bits(hw1, 3, 0), rt = bits(hw2, 15, 12);
  if (op1 == 0 && op2 == 0) { /* STREX: "treated more like an LDR" (3.3.2), Rd is its result */
    single_load(o, bits(hw2, 11, 8), rn, INSN_NO_REG, 0);
    o->cls = CLS_STORE;
  } else if (op1 == 0 && op2 == 1) { /* LDREX */
    single_load(o, rt, rn, INSN_NO_REG, 0);
  } else if ((op1 & 2) || op2 >= 2) { /* LDRD / STRD (immediate, literal) */
    o->memory = 1;
    classify(o, CLS_DUAL, COST_DUAL);
  } else if (op1 == 1 && op2 == 0 && (op3 == 4 || op3 == 5)) { /* STREXB, STREXH */
    single_load(o, bits(hw2, 3, 0), rn, INSN_NO_REG, 0);
    o->cls = CLS_STORE;
  } else if (op1 == 1 && op2 == 1 && (op3 == 0 || op3 == 1)) { /* TBB, TBH */
    o->memory = 1;
    branch(o, COST_TABLE_BRANCH, REFILL_LOAD);
  } else if (op1 == 1 && op2 == 1 && (op3 == 4 || op3 == 5)) { /* LDREXB, LDREXH */
    single_load(o, rt, rn, INSN_NO_REG, 0);
  } else {
    unknown(o);
  }
}

/* AND/TST BIC ORR/MOV ORN/MVN EOR/TEQ ADD/CMN ADC SBC SUB/CMP RSB: the opcodes hw1[8:5] the
 * modified-immediate (A5.3.1) and shifted-register (A5.3.11) data-processing forms share. */
static const uint32_t kDataProcessingOps = 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4 |
                                           1u << 8 | 1u << 10 | 1u << 11 | 1u << 13 | 1u << 14;
/* ADDW MOVW SUBW MOVT SSAT SSAT16 SBFX BFI/BFC USAT USAT16 UBFX: opcodes hw1[8:4] (A5.3.3). */
static const uint32_t kPlainImmediateOps = 1u << 0x00 | 1u << 0x04 | 1u << 0x0A | 1u << 0x0C |
                                           1u << 0x10 | 1u << 0x12 | 1u << 0x14 | 1u << 0x16 |
                                           1u << 0x18 | 1u << 0x1A | 1u << 0x1C;

/* A 1-cycle ALU instruction when its opcode is one of `valid` (bit n = opcode n). */
static void alu_if_valid(uint32_t valid, unsigned opcode, struct insn_info *o) {
  if (valid & (1u << opcode)) {
    classify(o, CLS_ALU, COST_ONE);
  } else {
    unknown(o);
  }
}

static void decode_branch_misc(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw2, 14, 12), op = bits(hw1, 10, 4);
  if ((op1 & 5) == 0) {
    if ((op & 0x38) != 0x38) { /* B<c>.W: 1, or 1 + P when taken */
      branch(o, COST_ONE, REFILL_IMMEDIATE);
    } else if ((op & 0x7E) == 0x38 || (op & 0x7E) == 0x3E) { /* MSR, MRS: "1 or 2": 1 */
      classify(o, CLS_SYSTEM, COST_ONE);
    } else if (op == 0x3A) { /* hints: NOP, YIELD, WFE, WFI, SEV, DBG (no waiting modelled) */
      classify(o, bits(hw2, 7, 0) == 0 ? CLS_ALU : CLS_SYSTEM, COST_ONE);
    } else if (op == 0x3B) { /* CLREX, DSB, DMB (1 + B, B at least 0), ISB */
      const unsigned ctrl = bits(hw2, 7, 4);
      if (ctrl == 2 || ctrl == 4 || ctrl == 5) {
        classify(o, CLS_SYSTEM, COST_ONE);
      } else if (ctrl == 6) {
        classify(o, CLS_SYSTEM, COST_ISB);
      } else {
        unknown(o);
      }
    } else {
      unknown(o);
    }
  } else if ((op1 & 5) == 1 || (op1 & 5) == 5) { /* B.W, BL: 1 + P */
    branch(o, COST_ONE, REFILL_IMMEDIATE);
  } else { /* UDF, BLX (immediate): not executable on ARMv7-M */
    unknown(o);
  }
}

static void decode_store_single(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw1, 7, 5), rn = bits(hw1, 3, 0);
  if (op1 >= 4 && op1 <= 6) { /* STRB/STRH/STR Rt, [Rn, #imm12] */
    single_store(o, rn, INSN_NO_REG);
  } else if (op1 <= 2 && bits(hw2, 11, 11)) { /* #imm8 offset, pre/post-indexed, STRT */
    single_store(o, rn, INSN_NO_REG);
  } else if (op1 <= 2 && bits(hw2, 11, 6) == 0) { /* [Rn, Rm, LSL #n] */
    single_store(o, rn, bits(hw2, 3, 0));
  } else {
    unknown(o);
  }
}

/* LDR/LDRB/LDRSB/LDRH/LDRSH and the memory hints (A5.3.7 to A5.3.9). */
static void decode_load_single(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned size = bits(hw1, 6, 5), sign = bits(hw1, 8, 8);
  const unsigned rn = bits(hw1, 3, 0), rt = bits(hw2, 15, 12);
  unsigned rm = INSN_NO_REG;
  if (size == 2 && sign) {
    unknown(o);
    return;
  }
  if (rn != 15 && !bits(hw1, 7, 7)) {
    if (bits(hw2, 11, 11)) {
      /* #imm8: pre/post-indexed, negative offset, unprivileged */
    } else if (bits(hw2, 11, 6) == 0) {
      rm = bits(hw2, 3, 0);
    } else {
      unknown(o);
      return;
    }
  }
  if (rt == 15 && size != 2) { /* PLD, PLI: a hint, no data returned */
    classify(o, CLS_SYSTEM, COST_ONE);
    return;
  }
  single_load(o, rt, rn, rm, size == 2);
}

static void decode_data_processing_register(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw1, 7, 4), op2 = bits(hw2, 7, 4);
  int ok = 0;
  if (bits(hw2, 15, 12) != 0xF) {
    ok = 0;
  } else if ((op1 & 0x8) == 0 && op2 == 0) { /* LSL, LSR, ASR, ROR (register) */
    ok = 1;
  } else if (op1 <= 5 && (op2 & 0x8)) { /* SXTAH/SXTH ... UXTAB/UXTB */
    ok = 1;
  } else if ((op1 & 0x8) && (op2 & 0x8) == 0) { /* parallel add/subtract, signed and unsigned */
    ok = bits(hw1, 6, 4) != 3 && bits(hw1, 6, 4) != 7 && (op2 & 3) != 3;
  } else if ((op1 & 0xC) == 0x8 && (op2 & 0xC) == 0x8) { /* QADD.. REV.. SEL, CLZ */
    const unsigned k = bits(hw1, 5, 4), j = bits(hw2, 5, 4);
    ok = k <= 1 || j == 0; /* QADD QDADD QSUB QDSUB, REV REV16 RBIT REVSH, SEL, CLZ */
  }
  if (ok) {
    classify(o, CLS_ALU, COST_ONE);
  } else {
    unknown(o);
  }
}

static void decode_multiply(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  /* MUL MLA MLS SMLAxy SMLAD SMLAW SMLSD SMMLA SMMLS USAD8 USADA8 ... (A5.3.16): all 1 on the M4 */
  const unsigned op1 = bits(hw1, 6, 4), op2 = bits(hw2, 5, 4);
  const int ok = op1 == 1 || (op1 == 7 ? op2 == 0 : op2 <= 1); /* SMLAxy: any op2 */
  if (bits(hw2, 7, 6) != 0 || !ok) {
    unknown(o);
  } else {
    classify(o, CLS_MUL, COST_ONE);
  }
}

static void decode_long_multiply(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw1, 6, 4), op2 = bits(hw2, 7, 4);
  if ((op1 == 1 || op1 == 3) && op2 == 0xF) { /* SDIV, UDIV */
    classify(o, CLS_DIV, COST_DIVIDE);
  } else if ((op1 == 0 || op1 == 2 || op1 == 6) && op2 == 0) { /* SMULL, UMULL, UMLAL */
    classify(o, CLS_MUL, COST_ONE);
  } else if (op1 == 4 && (op2 == 0 || (op2 & 0xC) == 0x8 || (op2 & 0xE) == 0xC)) {
    classify(o, CLS_MUL, COST_ONE); /* SMLAL, SMLALxy, SMLALD */
  } else if ((op1 == 5 && (op2 & 0xE) == 0xC) || (op1 == 6 && op2 == 6)) {
    classify(o, CLS_MUL, COST_ONE); /* SMLSLD, UMAAL */
  } else {
    unknown(o);
  }
}

/* Floating-point data processing (ARMv7-M ARM A6.4): single precision only (FPv4-SP). */
static void decode_fp_data(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned opc1 = bits(hw1, 7, 7) << 2 | bits(hw1, 5, 4), opc2 = bits(hw1, 3, 0);
  const unsigned opc3 = bits(hw2, 7, 6);
  if (bits(hw2, 8, 8)) { /* double precision: not in the FPv4-SP */
    unknown(o);
    return;
  }
  switch (opc1) {
    case 0:
    case 1:
    case 5:
    case 6: /* VMLA VMLS VNMLA VNMLS VFNMA VFNMS VFMA VFMS */
      classify(o, CLS_FP_MAC, COST_FP_MAC);
      return;
    case 2:
    case 3: /* VMUL VNMUL VADD VSUB */
      classify(o, CLS_FP, COST_ONE);
      return;
    case 4: /* VDIV */
      if (opc3 & 1) {
        unknown(o);
      } else {
        classify(o, CLS_FP_DIV, COST_FP_DIVIDE);
      }
      return;
    default:
      break;
  }
  if ((opc3 & 1) == 0) { /* VMOV (immediate) */
    classify(o, CLS_FP, COST_ONE);
  } else if (opc2 == 1 && opc3 == 3) { /* VSQRT */
    classify(o, CLS_FP_DIV, COST_FP_DIVIDE);
  } else if (opc2 <= 1 || (opc2 & 0xE) == 2 || (opc2 & 0xE) == 4 || opc2 >= 8) {
    /* VMOV (register) VABS VNEG VCVTB/T VCMP(E) VCVT(R) integer and fixed point */
    if (opc2 == 9) {
      unknown(o);
    } else {
      classify(o, CLS_FP, COST_ONE);
    }
  } else {
    unknown(o); /* VCVT between double and single */
  }
}

static void decode_coprocessor(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned coproc = bits(hw2, 11, 8), op1 = bits(hw1, 9, 4);
  if (bits(hw1, 12, 12) || (coproc & 0xE) != 0xA) { /* only CP10/CP11, the FPU */
    unknown(o);
    return;
  }
  if ((op1 & 0x3E) == 0x04) { /* VMOV two core registers <-> two singles or a doubleword */
    classify(o, CLS_FP, COST_FP_PAIR);
  } else if ((op1 & 0x20) == 0 && (op1 & 0x3A) != 0) { /* extension register load/store (A6.5) */
    const unsigned p = bits(hw1, 8, 8), u = bits(hw1, 7, 7), w = bits(hw1, 5, 5);
    o->memory = 1;
    if (p && !w) { /* VLDR, VSTR */
      classify(o, CLS_FP_LOAD, coproc == 0xB ? COST_FP_DOUBLE : COST_FP_SINGLE);
    } else if (p == u) { /* neither increment-after nor decrement-before */
      unknown(o);
    } else { /* VLDM, VSTM, VPUSH, VPOP: 1 + N, N the words transferred (imm8) */
      classify(o, CLS_FP_MULTIPLE, 1 + bits(hw2, 7, 0));
    }
  } else if ((op1 & 0x30) == 0x20 && !bits(hw2, 4, 4)) {
    decode_fp_data(hw1, hw2, o);
  } else if ((op1 & 0x30) == 0x20) { /* 8/16/32-bit transfers (A6.6) */
    const unsigned a = bits(hw1, 7, 5), c = bits(hw2, 8, 8);
    if ((c == 0 && (a == 0 || a == 7)) || (c == 1 && (a & 4) == 0)) {
      classify(o, CLS_FP, COST_ONE); /* VMOV core<->single, VMRS, VMSR, VMOV scalar */
    } else {
      unknown(o);
    }
  } else {
    unknown(o);
  }
}

static void decode32(uint32_t hw1, uint32_t hw2, struct insn_info *o) {
  const unsigned op1 = bits(hw1, 12, 11), op2 = bits(hw1, 10, 4), op = bits(hw2, 15, 15);
  if ((hw1 & 0xEC00) == 0xEC00) {
    decode_coprocessor(hw1, hw2, o);
  } else if (op1 == 1) {
    if ((op2 & 0x64) == 0x00) {
      decode_load_store_multiple(hw1, hw2, o);
    } else if ((op2 & 0x64) == 0x04) {
      decode_dual_exclusive_table(hw1, hw2, o);
    } else {
      alu_if_valid(kDataProcessingOps | 1u << 6 /* PKHBT, PKHTB */, bits(hw1, 8, 5), o);
    }
  } else if (op1 == 2) {
    if (op) {
      decode_branch_misc(hw1, hw2, o);
    } else if (op2 & 0x20) {
      alu_if_valid(kPlainImmediateOps, bits(hw1, 8, 4), o);
    } else {
      alu_if_valid(kDataProcessingOps, bits(hw1, 8, 5), o);
    }
  } else if ((op2 & 0x71) == 0x00) {
    decode_store_single(hw1, hw2, o);
  } else if ((op2 & 0x61) == 0x01 && (op2 & 0x06) != 0x06) {
    decode_load_single(hw1, hw2, o);
  } else if ((op2 & 0x70) == 0x20) {
    decode_data_processing_register(hw1, hw2, o);
  } else if ((op2 & 0x78) == 0x30) {
    decode_multiply(hw1, hw2, o);
  } else if ((op2 & 0x78) == 0x38) {
    decode_long_multiply(hw1, hw2, o);
  } else {
    unknown(o);
  }
}

void thumb_decode(uint32_t pc, const uint8_t *bytes, unsigned available, struct insn_info *out) {
  memset(out, 0, sizeof(*out));
  out->pc = pc;
  out->load_dest = INSN_NO_REG;
  if (available < 2) {
    out->size = 2;
    unknown(out);
    return;
  }
  const uint32_t hw1 = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8;
  const int wide = (hw1 & 0xE000) == 0xE000 && (hw1 & 0x1800) != 0;
  out->size = wide ? 4 : 2;
  out->encoding = hw1;
  if (!wide) {
    decode16(hw1, out);
  } else if (available >= 4) {
    const uint32_t hw2 = (uint32_t)bytes[2] | (uint32_t)bytes[3] << 8;
    out->encoding = hw1 << 16 | hw2;
    decode32(hw1, hw2, out);
  } else {
    unknown(out);
  }
}

const char *insn_class_name(unsigned cls) {
  static const char *const names[CLS_COUNT] = {
      "alu", "mul",    "div",    "load",    "store",       "dual",   "multiple", "branch",
      "fp",  "fp_mac", "fp_div", "fp_load", "fp_multiple", "system", "unknown"};
  return cls < CLS_COUNT ? names[cls] : "?";
}
