// The cycle model's Thumb-2 decoder: class, static cost and run-time flags of encodings assembled
// with arm-none-eabi-as (-mcpu=cortex-m4 -mfpu=fpv4-sp-d16), costs from the Cortex-M4 TRM r0p1 as
// docs/cycle-model.md lists them; encodings that are not ARMv7E-M + FPv4-SP must decode as unknown.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "thumb_decode.h"

namespace {

// One encoding as objdump prints it: a halfword, or two ("fb04 3305" -> 0xfb04, 0x3305).
insn_info Decode(uint32_t hw1, uint32_t hw2 = 0x10000, unsigned available = 0) {
  std::vector<uint8_t> bytes = {static_cast<uint8_t>(hw1), static_cast<uint8_t>(hw1 >> 8)};
  if (hw2 <= 0xFFFF) {
    bytes.push_back(static_cast<uint8_t>(hw2));
    bytes.push_back(static_cast<uint8_t>(hw2 >> 8));
  }
  insn_info info;
  thumb_decode(0x1000, bytes.data(), available ? available : static_cast<unsigned>(bytes.size()),
               &info);
  return info;
}

struct Expect {
  const char* text;
  uint32_t hw1, hw2;
  unsigned cls, cycles, refill, size;
};

void ExpectDecodes(const Expect& e) {
  const insn_info info = Decode(e.hw1, e.hw2);
  EXPECT_EQ(info.cls, e.cls) << e.text << " decoded as " << insn_class_name(info.cls);
  EXPECT_EQ(info.cycles, e.cycles) << e.text;
  EXPECT_EQ(info.refill, e.refill) << e.text;
  EXPECT_EQ(info.size, e.size) << e.text;
}

TEST(CycleModelDecode, ClassAndStaticCost) {
  constexpr uint32_t k16 = 0x10000;
  const Expect cases[] = {
      {"adds r3, #1", 0x3301, k16, CLS_ALU, 1, 0, 2},
      {"muls r3, r4", 0x4363, k16, CLS_MUL, 1, 0, 2},
      {"mla r3, r4, r5, r3", 0xfb04, 0x3305, CLS_MUL, 1, 0, 4},
      {"smlad r3, r4, r5, r3", 0xfb24, 0x3305, CLS_MUL, 1, 0, 4},
      {"umull r6, r7, r4, r5", 0xfba4, 0x6705, CLS_MUL, 1, 0, 4},
      {"smlalbb r3, r4, r5, r6", 0xfbc5, 0x3486, CLS_MUL, 1, 0, 4},
      {"sdiv r3, r4, r5", 0xfb94, 0xf3f5, CLS_DIV, 12, 0, 4},
      {"udiv r3, r4, r5", 0xfbb4, 0xf3f5, CLS_DIV, 12, 0, 4},
      {"ldr r3, [r0]", 0x6803, k16, CLS_LOAD, 2, 0, 2},
      {"ldr r3, [r0, r5]", 0x5943, k16, CLS_LOAD, 2, 0, 2},
      {"ldr.w r3, [r0, #2048]", 0xf8d0, 0x3800, CLS_LOAD, 2, 0, 4},
      {"ldr.w r3, [r0], #4", 0xf850, 0x3b04, CLS_LOAD, 2, 0, 4},
      {"ldrsh.w r3, [r0, r5, lsl #1]", 0xf930, 0x3015, CLS_LOAD, 2, 0, 4},
      {"ldr r3, [pc, #8]", 0x4b02, k16, CLS_LOAD, 2, 0, 2},
      {"str r3, [r0]", 0x6003, k16, CLS_STORE, 1, 0, 2},
      {"str r3, [r0, r5]", 0x5143, k16, CLS_STORE, 2, 0, 2},
      {"str.w r3, [r0, r5, lsl #2]", 0xf840, 0x3025, CLS_STORE, 2, 0, 4},
      {"str.w r3, [r0, #2048]", 0xf8c0, 0x3800, CLS_STORE, 1, 0, 4},
      {"strb.w r3, [r0, #-4]", 0xf800, 0x3c04, CLS_STORE, 1, 0, 4},
      {"ldrd r3, r4, [r0]", 0xe9d0, 0x3400, CLS_DUAL, 3, 0, 4},
      {"strd r3, r4, [r1, #8]", 0xe9c1, 0x3402, CLS_DUAL, 3, 0, 4},
      {"ldmia r0!, {r3, r4, r6}", 0xc858, k16, CLS_MULTIPLE, 4, 0, 2},
      {"ldmia.w r0, {r3, r4, r6, r7}", 0xe890, 0x00d8, CLS_MULTIPLE, 5, 0, 4},
      {"push {r4-r7, lr}", 0xb5f0, k16, CLS_MULTIPLE, 6, 0, 2},
      {"pop {r4-r7, pc}", 0xbdf0, k16, CLS_MULTIPLE, 6, 3, 2},
      {"push.w {r4-r11, lr}", 0xe92d, 0x4ff0, CLS_MULTIPLE, 10, 0, 4},
      {"pop.w {r4-r11, pc}", 0xe8bd, 0x8ff0, CLS_MULTIPLE, 10, 3, 4},
      {"b.n", 0xe008, k16, CLS_BRANCH, 1, 1, 2},
      {"beq.n", 0xd008, k16, CLS_BRANCH, 1, 1, 2},
      {"beq.w", 0xf000, 0x83e6, CLS_BRANCH, 1, 1, 4},
      {"b.w", 0xf000, 0xbfce, CLS_BRANCH, 1, 1, 4},
      {"bl", 0xf000, 0xffce, CLS_BRANCH, 1, 1, 4},
      {"bx lr", 0x4770, k16, CLS_BRANCH, 1, 2, 2},
      {"blx r3", 0x4798, k16, CLS_BRANCH, 1, 2, 2},
      {"mov pc, r3", 0x469f, k16, CLS_BRANCH, 1, 2, 2},
      {"cbz r3", 0xb11b, k16, CLS_BRANCH, 1, 1, 2},
      {"tbb [pc, r3]", 0xe8df, 0xf003, CLS_BRANCH, 3, 3, 4},
      {"tbh [pc, r3, lsl #1]", 0xe8df, 0xf013, CLS_BRANCH, 3, 3, 4},
      {"ldr.w pc, [r0]", 0xf8d0, 0xf000, CLS_LOAD, 2, 3, 4},
      {"it eq", 0xbf08, k16, CLS_ALU, 1, 0, 2},
      {"nop", 0xbf00, k16, CLS_ALU, 1, 0, 2},
      {"isb sy", 0xf3bf, 0x8f6f, CLS_SYSTEM, 4, 0, 4},
      {"dmb sy", 0xf3bf, 0x8f5f, CLS_SYSTEM, 1, 0, 4},
      {"vadd.f32", 0xee30, 0x0a81, CLS_FP, 1, 0, 4},
      {"vmul.f32", 0xee20, 0x0a81, CLS_FP, 1, 0, 4},
      {"vfma.f32", 0xeea0, 0x0a81, CLS_FP_MAC, 3, 0, 4},
      {"vmla.f32", 0xee00, 0x0a81, CLS_FP_MAC, 3, 0, 4},
      {"vdiv.f32", 0xee80, 0x0a81, CLS_FP_DIV, 14, 0, 4},
      {"vsqrt.f32", 0xeeb1, 0x0ae0, CLS_FP_DIV, 14, 0, 4},
      {"vldr s0, [r0]", 0xed90, 0x0a00, CLS_FP_LOAD, 2, 0, 4},
      {"vldr d1, [r0, #8]", 0xed90, 0x1b02, CLS_FP_LOAD, 3, 0, 4},
      {"vstr s0, [r0]", 0xed80, 0x0a00, CLS_FP_LOAD, 2, 0, 4},
      {"vldmia r0!, {s0-s7}", 0xecb0, 0x0a08, CLS_FP_MULTIPLE, 9, 0, 4},
      {"vpush {d8-d9}", 0xed2d, 0x8b04, CLS_FP_MULTIPLE, 5, 0, 4},
      {"vmov r3, s1", 0xee10, 0x3a90, CLS_FP, 1, 0, 4},
      {"vmov r3, r4, s0, s1", 0xec54, 0x3a10, CLS_FP, 2, 0, 4},
      {"vmrs APSR_nzcv, fpscr", 0xeef1, 0xfa10, CLS_FP, 1, 0, 4},
      {"vcvt.s32.f32", 0xeebd, 0x0ac0, CLS_FP, 1, 0, 4},
      {"vmov.f32 s0, #1.0", 0xeeb7, 0x0a00, CLS_FP, 1, 0, 4},
      {"ldrex r3, [r0]", 0xe850, 0x3f00, CLS_LOAD, 2, 0, 4},
      {"strex r4, r3, [r0]", 0xe840, 0x3400, CLS_STORE, 2, 0, 4},
      {"pld [r0]", 0xf890, 0xf000, CLS_SYSTEM, 1, 0, 4},
      {"bkpt 0xab", 0xbeab, k16, CLS_SYSTEM, 1, 0, 2},
      {"svc 0", 0xdf00, k16, CLS_SYSTEM, 1, 0, 2},
      {"sxtb r3, r4", 0xb263, k16, CLS_ALU, 1, 0, 2},
      {"rev r3, r4", 0xba23, k16, CLS_ALU, 1, 0, 2},
      {"rbit r3, r4", 0xfa94, 0xf3a4, CLS_ALU, 1, 0, 4},
      {"revsh.w r3, r4", 0xfa94, 0xf3b4, CLS_ALU, 1, 0, 4},
      {"clz r3, r4", 0xfab4, 0xf384, CLS_ALU, 1, 0, 4},
      {"sel r3, r4, r5", 0xfaa4, 0xf385, CLS_ALU, 1, 0, 4},
      {"qadd8 r3, r4, r5", 0xfa84, 0xf315, CLS_ALU, 1, 0, 4},
      {"pkhbt r3, r4, r5, lsl #8", 0xeac4, 0x2305, CLS_ALU, 1, 0, 4},
      {"ssat r3, #8, r4", 0xf304, 0x0307, CLS_ALU, 1, 0, 4},
      {"usad8 r3, r4, r5", 0xfb74, 0xf305, CLS_MUL, 1, 0, 4},
      {"smlabb r3, r4, r5, r6", 0xfb14, 0x6305, CLS_MUL, 1, 0, 4},
  };
  for (const Expect& e : cases) ExpectDecodes(e);
}

TEST(CycleModelDecode, NotArmv7emEncodingsAreUnknown) {
  const Expect cases[] = {
      {"udf #0", 0xde00, 0x10000, CLS_UNKNOWN, 1, 0, 2},
      {"udf.w #0", 0xf7f0, 0xa000, CLS_UNKNOWN, 1, 0, 4},
      {"setend be (ARMv6 only)", 0xb658, 0x10000, CLS_UNKNOWN, 1, 0, 2},
      {"vadd.f64 (no double-precision FPU)", 0xee30, 0x0b01, CLS_UNKNOWN, 1, 0, 4},
      {"blx <imm> (no ARM state)", 0xf000, 0xe800, CLS_UNKNOWN, 1, 0, 4},
      {"cdp p0 (no coprocessor 0)", 0xee00, 0x0000, CLS_UNKNOWN, 1, 0, 4},
      {"ldrd with 2 bytes available", 0xe9d0, 0x10000, CLS_UNKNOWN, 1, 0, 4},
  };
  for (const Expect& e : cases) ExpectDecodes(e);  // unknown: charged 1, counted, reported
}

TEST(CycleModelDecode, SizeComesFromTheEncodingNotFromTheBytesGiven) {
  // Near a page end QEMU hands a 16-bit instruction with the next halfword appended.
  const insn_info sub_sp = Decode(0xb085, 0x4684, 4);  // sub sp, #20 ; mov ip, r0
  EXPECT_EQ(sub_sp.size, 2);
  EXPECT_EQ(sub_sp.cls, CLS_ALU);
  EXPECT_EQ(sub_sp.encoding, 0xb085u);
}

TEST(CycleModelDecode, PipeliningFlagsAndAddressRegisters) {
  const insn_info ldr = Decode(0x5943);  // ldr r3, [r0, r5]
  EXPECT_TRUE(ldr.pipe_leader && ldr.pipe_follower && ldr.memory && ldr.timer_load);
  EXPECT_EQ(ldr.load_dest, 3);
  EXPECT_EQ(ldr.addr_regs, (1u << 0) | (1u << 5));
  const insn_info ldrb = Decode(0x7843);  // ldrb r3, [r0, #1]: a byte load cannot read the timer
  EXPECT_TRUE(ldrb.pipe_leader && !ldrb.timer_load);
  const insn_info str_imm = Decode(0x6003);  // str r3, [r0]: always 1, nothing to pipeline
  EXPECT_FALSE(str_imm.pipe_leader || str_imm.pipe_follower);
  const insn_info str_reg = Decode(0x5143);  // str r3, [r0, r5]: follows a load, leads nothing
  EXPECT_TRUE(str_reg.pipe_follower && !str_reg.pipe_leader);
  const insn_info ldrd = Decode(0xe9d0, 0x3400);  // never pipelined
  EXPECT_FALSE(ldrd.pipe_leader || ldrd.pipe_follower);
  EXPECT_TRUE(ldrd.memory);
  const insn_info ldr_pc = Decode(0xf8d0, 0xf000);  // blocking
  EXPECT_FALSE(ldr_pc.pipe_leader || ldr_pc.pipe_follower);
  const insn_info literal = Decode(0x4b02);  // ldr r3, [pc, #8]
  EXPECT_EQ(literal.addr_regs, 1u << 15);
  EXPECT_FALSE(literal.timer_load);
}

TEST(CycleModelDecode, ItCountsTheInstructionsItMakesConditional) {
  EXPECT_EQ(Decode(0xbf08).it_count, 1);  // it eq
  EXPECT_EQ(Decode(0xbf1f).it_count, 4);  // itttt ne
  EXPECT_EQ(Decode(0xbf0c).it_count, 2);  // ite eq
  EXPECT_EQ(Decode(0xbf00).it_count, 0);  // nop
}

}  // namespace
