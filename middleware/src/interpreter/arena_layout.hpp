// Arena bookkeeping of the interpreter and the invariants that keep its size identical on 64-bit
// hosts and 32-bit MCUs (the host computes the firmware's arena size).
//
// After Prepare:  [IO slots][OpCall records: header + slots]...[op data][variables] | [activations]
//                 <--------------------------- persistent (head) ------------------>  <- planned ->
// IO slots exist only for graph inputs/outputs that no op references (other IO tensors are found
// through the records). During Prepare the planning tables live in the not yet used region after
// the records; the arena must be large enough for them too, so the total is
// max(persistent + activations, records + planning memory).
#pragma once

#include <stdint.h>

#include "kernel.hpp"
#include "strata/model.hpp"

namespace strata {

static_assert(sizeof(OpCall) % kArenaAlignment == 0, "OpCall records must stay aligned");
static_assert(sizeof(ArenaPtr<void>) % kArenaAlignment == 0, "slots must stay aligned");

inline uint32_t AlignUp(uint32_t v) { return (v + (kArenaAlignment - 1)) & ~(kArenaAlignment - 1); }

inline ArenaPtr<void>* CallSlots(OpCall* call) {
  return reinterpret_cast<ArenaPtr<void>*>(call + 1);
}

// Control-flow records (operators that run subgraphs) end with one slot per input and output of
// every subgraph but the main one, in subgraph order, inputs first: the data of those tensors,
// which no other slot may hold (a subgraph input no operator reads).
inline uint32_t SubgraphIoCount(const Model& model) {
  uint32_t n = 0;
  for (uint32_t s = 1; s < model.num_subgraphs(); ++s) {
    n += model.subgraph_num_inputs(s) + model.subgraph_num_outputs(s);
  }
  return n;
}

// Those slots of `call`, or null when the record has none.
inline const ArenaPtr<void>* SubgraphSlots(const OpCall& call, const Model& model) {
  const uint32_t used = call.num_inputs + call.num_outputs() +
                        ((call.num_outputs_flags & OpCall::kHasScratch) ? 1 : 0);
  const uint32_t slots = call.stride_words - static_cast<uint32_t>(sizeof(OpCall) / 8);
  const uint32_t n = SubgraphIoCount(model);
  if (n == 0 || slots != used + n) return nullptr;
  return CallSlots(const_cast<OpCall*>(&call)) + used;
}

// Whether any operator reads or writes tensor t (graph inputs/outputs that no op references get
// their own IO slot).
bool ReferencedByOp(const Model& model, int32_t t);

}  // namespace strata
