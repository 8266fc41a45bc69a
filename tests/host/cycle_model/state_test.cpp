// The cycle model's run-time rules (cycle_state.c), driven without QEMU: load pipelining and its
// dependency check, taken and not-taken branches, instructions skipped by IT, settling at the end.
#include <gtest/gtest.h>

#include <cstdint>
#include <deque>

#include "cycle_state.h"

namespace {

// Instructions laid out from address 0x100 on, decoded from their encodings.
class Program {
 public:
  const insn_info* Add(uint32_t hw1, int32_t hw2 = -1) {
    uint8_t bytes[4] = {static_cast<uint8_t>(hw1), static_cast<uint8_t>(hw1 >> 8),
                        static_cast<uint8_t>(hw2), static_cast<uint8_t>(hw2 >> 8)};
    insns_.emplace_back();
    thumb_decode(pc_, bytes, hw2 < 0 ? 2 : 4, &insns_.back());
    pc_ += insns_.back().size;
    return &insns_.back();
  }

 private:
  uint32_t pc_ = 0x100;
  std::deque<insn_info> insns_;
};

uint64_t Execute(std::initializer_list<const insn_info*> trace, cycle_state* s = nullptr) {
  cycle_state local;
  if (s == nullptr) s = &local;
  cycle_reset(s);
  for (const insn_info* in : trace) {
    cycle_exec(s, in);
    if (in->memory) cycle_mem(s);  // executed (not skipped): it accesses memory
  }
  cycle_finish(s);
  return s->cycles;
}

TEST(CycleModelState, LoadBehindIndependentLoadCostsOne) {
  Program p;
  const insn_info* a = p.Add(0x6803);  // ldr r3, [r0]
  const insn_info* b = p.Add(0x680c);  // ldr r4, [r1]
  EXPECT_EQ(Execute({a, b}), 3u);
}

TEST(CycleModelState, LoadUsingTheLoadedRegisterIsNotPipelined) {
  Program p;
  const insn_info* a = p.Add(0x6803);  // ldr r3, [r0]
  const insn_info* b = p.Add(0x685c);  // ldr r4, [r3, #4]
  EXPECT_EQ(Execute({a, b}), 4u);
}

TEST(CycleModelState, NothingPipelinesBehindAStore) {
  Program p;
  const insn_info* store = p.Add(0x5143);  // str r3, [r0, r5]
  const insn_info* load = p.Add(0x680c);   // ldr r4, [r1]
  EXPECT_EQ(Execute({store, load}), 4u);
  Program q;
  const insn_info* ldr = q.Add(0x6803);      // ldr r3, [r0]
  const insn_info* str_reg = q.Add(0x514c);  // str r4, [r1, r5]: behind a load, 1
  EXPECT_EQ(Execute({ldr, str_reg}), 3u);
}

TEST(CycleModelState, ConditionalBranchPaysTheRefillOnlyWhenTaken) {
  Program p;
  const insn_info* beq = p.Add(0xd000);  // beq.n to pc + 4 (skips one halfword)
  const insn_info* fall = p.Add(0xbf00);
  const insn_info* target = p.Add(0xbf00);
  EXPECT_EQ(Execute({beq, fall, target}), 3u);  // not taken: 1 + 1 + 1
  EXPECT_EQ(Execute({beq, target}), 3u);        // taken: 1 + P(1) + 1
}

TEST(CycleModelState, ItSkippedLoadCostsOneAndDoesNotLeadAPipeline) {
  Program p;
  const insn_info* it = p.Add(0xbf08);    // it eq
  const insn_info* ldr = p.Add(0x6803);   // ldreq r3, [r0]
  const insn_info* next = p.Add(0x680c);  // ldr r4, [r1]
  cycle_state s;
  cycle_reset(&s);
  cycle_exec(&s, it);
  cycle_exec(&s, ldr);  // no memory access: its condition failed
  cycle_exec(&s, next);
  cycle_mem(&s);
  cycle_finish(&s);
  EXPECT_EQ(s.cycles, 1u + 1u + 2u);
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.pipelined, 0u);
  // The same with the condition passing: 1 + 2 + 1 (pipelined).
  EXPECT_EQ(Execute({it, ldr, next}), 4u);
}

TEST(CycleModelState, OnlyTheInstructionsTheItCoversAreConditional) {
  Program p;
  const insn_info* it = p.Add(0xbf08);    // it eq: one instruction
  const insn_info* mov = p.Add(0x4600);   // moveq r0, r0
  const insn_info* load = p.Add(0x6803);  // ldr r3, [r0]: outside the block
  cycle_state s;
  cycle_reset(&s);
  cycle_exec(&s, it);
  cycle_exec(&s, mov);
  cycle_exec(&s, load);  // (a test only: no access although unconditional)
  cycle_finish(&s);
  EXPECT_EQ(s.cycles, 1u + 1u + 2u);  // not refunded: not in the IT block
  EXPECT_EQ(s.skipped, 0u);
}

TEST(CycleModelState, PopPcChargesOnePlusNPlusRefill) {
  Program p;
  const insn_info* pop = p.Add(0xbd10);  // pop {r4, pc}
  Program elsewhere;
  const insn_info* target = elsewhere.Add(0xbf00);
  EXPECT_EQ(Execute({pop, target}), (1u + 2u + 3u) + 1u);
}

TEST(CycleModelState, CountsPerClassAddUp) {
  Program p;
  const insn_info* a = p.Add(0x6803);          // ldr
  const insn_info* b = p.Add(0xfb04, 0x3305);  // mla
  const insn_info* c = p.Add(0xe008);          // b.n (taken below)
  Program elsewhere;
  const insn_info* d = elsewhere.Add(0xbf00);
  cycle_state s;
  Execute({a, b, c, d}, &s);
  uint64_t insns = 0, cycles = 0;
  for (int k = 0; k < CLS_COUNT; ++k) {
    insns += s.class_insns[k];
    cycles += s.class_cycles[k];
  }
  EXPECT_EQ(insns, s.insns);
  EXPECT_EQ(cycles, s.cycles);
  EXPECT_EQ(s.class_cycles[CLS_BRANCH], 2u);
  EXPECT_EQ(s.taken, 1u);
}

}  // namespace
