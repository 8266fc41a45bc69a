/* Hand-written instruction sequences and their Cortex-M4 cycle counts, computed here from the
 * Cortex-M4 Technical Reference Manual r0p1 (Arm DDI 0439): Table 3-1 "Cortex-M4 instruction set
 * summary" (P = pipeline refill, N = registers transferred), section 3.3.2 "Load/store timings", and
 * Table 7-1 "FPU instruction set" for the FPU. Refills as docs/cycle-model.md states them: P = 1 after a
 * branch with an immediate target, 2 after a register target (BX, BLX), 3 after a load to the PC and
 * after TBB/TBH. SDIV/UDIV take the table's upper bound, 12.
 *
 * SEQUENCE <name>, <cycles>, <instructions> ... END_SEQUENCE adds a function seq_<name>(uint32_t *buffer)
 * and a row of the table check_sequences.py compares the plugin against. Each function sets up its
 * registers, then runs
 *     ldr r11, [r12]      @ timer read: checkpoint A
 *     nop                 @ separates the sequence from the read (no load pipelining across it)
 *     <the sequence>
 *     nop
 *     ldr r11, [r12]      @ timer read: checkpoint B
 * so B - A is the sequence plus 4 cycles (NOP 1, NOP 1, LDR 2 not pipelined) and 3 instructions
 * (`empty` checks that). r0 = buffer (32 words, 8-byte aligned) on entry; r11 and r12 belong to the
 * harness.
 */
  .syntax unified
  .thumb
  .text

  .equ TIMER_VALUE, 0x40000004 /* CMSDK TIMER0 VALUE: the register the plugin watches */

  .section .rodata.cycle_sequences, "a"
  .balign 4
  .global cycle_sequences
cycle_sequences:
  .text

.macro SEQUENCE name, cycles, insns
  .section .rodata.cycle_sequences, "a"
  .word name_\name, seq_\name, \cycles, \insns
  .section .rodata.cycle_sequence_names, "a"
name_\name: .asciz "\name"
  .text
  .balign 4
  .global seq_\name
  .type seq_\name, %function
  .thumb_func
seq_\name:
  push {r4-r11, lr}
  ldr r12, =TIMER_VALUE
  movs r3, #0
  movs r4, #1
  movs r5, #4
  add r1, r0, #32
  add r2, r0, #64
.endm

/* Between the set-up and the measured instructions. */
.macro START
  ldr r11, [r12]
  nop
.endm

.macro END_SEQUENCE
  nop
  ldr r11, [r12]
  pop {r4-r11, pc}
  .ltorg
.endm

/* ---- the harness itself ---- */

SEQUENCE empty, 0, 0
  START
END_SEQUENCE

/* ---- data processing, multiply, divide: Table 3-1 ---- */

SEQUENCE alu, 6, 6
  START
  adds r3, r3, #1          @ ADD 1
  eors r4, r4, r5          @ EOR 1
  lsls r5, r5, #2          @ LSL 1
  mov.w r6, #7             @ MOV 1
  add.w r7, r6, r5, lsl #2 @ ADD (shifted operand) 1
  ubfx r8, r7, #2, #3      @ UBFX 1
END_SEQUENCE

SEQUENCE multiply, 10, 10
  START
  muls r3, r4, r3          @ MUL 1
  mla r3, r4, r5, r3       @ MLA 1
  mls r3, r4, r5, r3       @ MLS 1
  smull r6, r7, r4, r5     @ SMULL 1
  umlal r6, r7, r4, r5     @ UMLAL 1
  smlabb r3, r4, r5, r3    @ SMLABB 1
  smlad r3, r4, r5, r3     @ SMLAD 1
  sadd16 r3, r4, r5        @ SADD16 1
  usat r3, #8, r4          @ USAT 1
  qadd r3, r3, r4          @ QADD 1
END_SEQUENCE

SEQUENCE divide, 24, 2
  START
  sdiv r3, r4, r5          @ SDIV "2 to 12": 12
  udiv r3, r4, r5          @ UDIV "2 to 12": 12
END_SEQUENCE

/* ---- single loads and stores: Table 3-1 (LDR/STR 2) and 3.3.2 ---- */

SEQUENCE load, 2, 1
  START
  ldr r3, [r0]             @ LDR 2
END_SEQUENCE

/* 3.3.2: "LDR R0,[R1]; LDR R1,[R2] - normally three cycles total" */
SEQUENCE load_load, 3, 2
  START
  ldr r3, [r0]             @ 2
  ldr r4, [r1]             @ pipelined behind an independent LDR: 1
END_SEQUENCE

/* 3.3.2: "LDR R0,[R1,R5]; LDR R1,[R2]; LDR R2,[R3,#4] - normally four cycles total" */
SEQUENCE load_three, 4, 3
  START
  ldr r3, [r0, r5]         @ 2
  ldr r4, [r1]             @ 1
  ldr r6, [r2, #4]         @ 1
END_SEQUENCE

/* The second address uses what the first load wrote: no pipelining. */
SEQUENCE load_dependent, 4, 2
  str r0, [r0]
  START
  ldr r3, [r0]             @ 2
  ldr r4, [r3, #4]         @ base is the loaded register: 2
END_SEQUENCE

/* 3.3.2: "LDR R0,[R1,R2]; STR R0,[R3,#20] - normally three cycles total" */
SEQUENCE load_store_immediate, 3, 2
  START
  ldr r3, [r0, r5]         @ 2
  str r3, [r1, #20]        @ "STR Rx,[Ry,#imm] is always one cycle": 1
END_SEQUENCE

/* 3.3.2: "LDR R0,[R1,R2]; STR R1,[R3,R2] - normally three cycles total" */
SEQUENCE load_store_register, 3, 2
  START
  ldr r3, [r0, r5]         @ 2
  str r4, [r1, r5]         @ register offset, pipelined behind the LDR: 1
END_SEQUENCE

/* 3.3.2: "nothing can be pipelined after the store" */
SEQUENCE store_register_load, 4, 2
  START
  str r4, [r1, r5]         @ STR (register offset) 2
  ldr r3, [r0]             @ 2
END_SEQUENCE

SEQUENCE store_immediate_load, 5, 4
  START
  str r3, [r0]             @ 1
  str r4, [r0, #4]         @ 1
  strb r3, [r0, #8]        @ 1
  ldr r6, [r1]             @ after a store, not a load: 2
END_SEQUENCE

/* Post-indexed loads: the base update is not the loaded register, so the second pipelines. */
SEQUENCE load_writeback, 3, 2
  START
  ldr r3, [r0], #4         @ 2
  ldr r4, [r0], #4         @ 1
END_SEQUENCE

SEQUENCE load_literal, 3, 2
  START
  ldr r3, =0x12345678      @ LDR (literal) 2
  ldrh r4, [r0, #2]        @ pipelined: 1
END_SEQUENCE

/* ---- LDRD/STRD, LDM/STM, PUSH/POP: 1 + N, never pipelined ---- */

SEQUENCE dual, 8, 3
  START
  ldrd r3, r4, [r0]        @ 1 + 2
  strd r3, r4, [r1, #8]    @ 1 + 2
  ldr r6, [r2]             @ not pipelined behind LDRD/STRD: 2
END_SEQUENCE

SEQUENCE multiple, 8, 2
  START
  ldm r0, {r3, r4, r6, r7} @ LDM 1 + 4
  stmia r1!, {r3, r4}      @ STM 1 + 2
END_SEQUENCE

SEQUENCE push_pop, 10, 2
  START
  push {r3, r4, r6, r7}    @ 1 + 4
  pop {r3, r4, r6, r7}     @ 1 + 4
END_SEQUENCE

/* ---- branches: 1 + P when taken, 1 when not ---- */

SEQUENCE branch_taken, 2, 1
  START
  b 1f                     @ B: 1 + P (P = 1)
  nop                      @ not executed
1:
END_SEQUENCE

SEQUENCE branch_not_taken, 3, 3
  START
  cmp r3, r3               @ 1
  bne 1f                   @ not taken: 1
  nop                      @ 1
1:
END_SEQUENCE

SEQUENCE loop, 9, 7
  START
  movs r3, #3              @ 1
1:
  subs r3, #1              @ 3 x 1
  bne 1b                   @ 2 taken x (1 + 1) + 1 not taken
END_SEQUENCE

SEQUENCE compare_branch, 5, 4
  START
  movs r3, #0              @ 1
  cbz r3, 1f               @ taken: 1 + 1
  nop                      @ not executed
1:
  cbnz r3, 2f              @ not taken: 1
  nop                      @ 1
2:
END_SEQUENCE

SEQUENCE call_return, 5, 2
  START
  bl leaf_return           @ BL: 1 + P (P = 1)
END_SEQUENCE                @ BX LR in leaf_return: 1 + P (P = 2)

SEQUENCE call_register, 6, 2
  ldr r3, =leaf_return
  START
  blx r3                   @ BLX: 1 + P (P = 2)
END_SEQUENCE                @ BX LR: 1 + 2

SEQUENCE call_pop_pc, 11, 3
  START
  bl leaf_pop_pc           @ 1 + 1
END_SEQUENCE                @ PUSH {r4, lr} 1 + 2, POP {r4, pc} 1 + 2 + P (P = 3)

SEQUENCE load_pc, 5, 1
  adr r3, 1f
  orr r3, r3, #1
  str r3, [r0]
  START
  ldr pc, [r0]             @ "at least two cycles for the load, and three cycles for the pipeline
                           @  reload": 2 + 3
  nop                      @ not executed
  .balign 4
1:
END_SEQUENCE

SEQUENCE table_branch, 6, 1
  movs r3, #1
  START
  tbb [pc, r3]             @ "two cycles for the load, one cycle for the add, and three cycles for
                           @  the pipeline reload": 6
1:
  .byte 0, (2f - 1b) / 2
  .balign 2
  nop                      @ not executed
2:
END_SEQUENCE

/* ---- IT blocks: a skipped conditional instruction passes as a 1-cycle NOP ---- */

SEQUENCE it_skipped_load, 3, 3
  START
  cmp r3, r4               @ 0 != 1: 1
  it eq                    @ IT 1
  ldreq r6, [r0]           @ skipped: 1
END_SEQUENCE

SEQUENCE it_executed_load, 4, 3
  START
  cmp r3, r3               @ 1
  it eq                    @ 1
  ldreq r6, [r0]           @ executed: 2
END_SEQUENCE

SEQUENCE it_skipped_pop_pc, 3, 3
  START
  cmp r3, r3               @ 1
  it ne                    @ 1
  popne {r4, pc}           @ skipped: 1 (no load, no refill)
END_SEQUENCE

SEQUENCE it_branch, 4, 3
  START
  cmp r3, r4               @ 1
  it ne                    @ 1
  bne 1f                   @ taken: 1 + 1
  nop                      @ not executed
1:
END_SEQUENCE

/* ---- FPU: Table 7-1 ---- */

SEQUENCE fp_arith, 11, 11
  vmov.f32 s1, #2.0
  vmov.f32 s2, #0.5
  START
  vadd.f32 s0, s1, s2      @ VADD 1
  vsub.f32 s3, s1, s2      @ VSUB 1
  vmul.f32 s4, s1, s2      @ VMUL 1
  vabs.f32 s5, s1          @ VABS 1
  vneg.f32 s6, s1          @ VNEG 1
  vcmp.f32 s1, s2          @ VCMP 1
  vmrs APSR_nzcv, fpscr    @ VMRS 1
  vcvt.s32.f32 s7, s1      @ VCVT 1
  vmov r3, s1              @ VMOV (single to core) 1
  vmov s8, r3              @ VMOV (core to single) 1
  vmov.f32 s9, #1.0        @ VMOV (immediate) 1
END_SEQUENCE

SEQUENCE fp_multiply_accumulate, 9, 3
  START
  vfma.f32 s0, s1, s2      @ VFMA 3
  vmla.f32 s3, s1, s2      @ VMLA 3
  vnmls.f32 s4, s1, s2     @ VNMLS 3
END_SEQUENCE

SEQUENCE fp_divide, 28, 2
  vmov.f32 s1, #2.0
  vmov.f32 s2, #0.5
  START
  vdiv.f32 s0, s1, s2      @ VDIV 14
  vsqrt.f32 s3, s1         @ VSQRT 14
END_SEQUENCE

SEQUENCE fp_load_store, 7, 3
  START
  vldr s0, [r0]            @ VLDR (single) 2
  vstr s1, [r1]            @ VSTR (single) 2
  vldr d1, [r0, #8]        @ VLDR (double) 3
END_SEQUENCE

SEQUENCE fp_multiple, 11, 3
  START
  vldmia r0, {s0-s3}       @ VLDM 1 + 4
  vpush {s16-s17}          @ VPUSH 1 + 2
  vpop {s16-s17}           @ VPOP 1 + 2
END_SEQUENCE

SEQUENCE fp_move_pair, 4, 2
  START
  vmov r3, r4, s0, s1      @ VMOV (two singles to two core) 2
  vmov s2, s3, r3, r4      @ VMOV (two core to two singles) 2
END_SEQUENCE

/* ---- helpers called by the sequences (measured as part of them) ---- */

  .balign 4
  .type leaf_return, %function
  .thumb_func
leaf_return:
  bx lr

  .balign 4
  .type leaf_pop_pc, %function
  .thumb_func
leaf_pop_pc:
  push {r4, lr}
  pop {r4, pc}

  .section .rodata.cycle_sequences, "a"
  .global cycle_sequences_end
cycle_sequences_end:
