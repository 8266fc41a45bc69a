// Arena bookkeeping of the interpreter and the invariants that keep its size identical on 64-bit
// hosts and 32-bit MCUs (the host computes the firmware's arena size).
//
// After Prepare:  [IO slots][OpCall records: header + slots]...[op data block] | [activations]
//                 <------------------------ persistent (head) ---------------->  <- planned ->
// IO slots exist only for graph inputs/outputs that no op references (other IO tensors are found
// through the records).
// During Prepare the planning tables below live in the (not yet used) activation region; the
// arena must be large enough for them too, so total = persistent + max(activations, tables).
#pragma once

#include <stdint.h>

#include "kernel.hpp"
#include "strata/model.hpp"

namespace strata {

// Per tensor while preparing (12 bytes). `first_use` doubles as the kind tag.
struct TensorPlan {
  static constexpr uint16_t kNotPlanned = 0xFFFF;  // model constant, folded constant or unused
  static constexpr uint16_t kAlias = 0xFFFE;       // shares the storage of tensor `a`
  static constexpr uint32_t kNoLocation = 0xFFFFFFFFu;

  // alias: aliased tensor; folded: arena offset; planned: in-place group leader, after planning
  // the arena offset; otherwise kNoLocation.
  uint32_t a;
  int32_t delta;       // planned: byte offset inside the in-place group
  uint16_t first_use;  // planned: op steps at which the data must be valid (group-wide for leaders)
  uint16_t last_use;

  bool planned() const { return first_use < kAlias; }
  bool alias() const { return first_use == kAlias; }
};

// Per operator while preparing (16 bytes).
struct OpPlan {
  uint32_t scratch;     // requested bytes (aligned); after planning the arena offset (0: none)
  int32_t lead;         // inplace_lead_bytes from prepare(), -1 when the op cannot run in place
  uint32_t live_bytes;  // in-place candidates: bytes live at this step without in-place groups
  uint8_t candidate;    // the op may run in place
  uint8_t selected;     // the op runs in place in the plan being tried
  uint16_t reserved;
};

static_assert(sizeof(TensorPlan) == 12, "TensorPlan must be 12 bytes on every target");
static_assert(sizeof(OpPlan) == 16, "OpPlan must be 16 bytes on every target");
static_assert(sizeof(OpCall) % kArenaAlignment == 0, "OpCall records must stay aligned");
static_assert(sizeof(ArenaPtr<void>) % kArenaAlignment == 0, "slots must stay aligned");

inline uint32_t AlignUp(uint32_t v) { return (v + (kArenaAlignment - 1)) & ~(kArenaAlignment - 1); }

// Bytes of a call record with `slots` pointer slots and `op_data` bytes of op data.
inline uint64_t CallRecordBytes(uint32_t slots, uint32_t op_data) {
  return sizeof(OpCall) + uint64_t{sizeof(ArenaPtr<void>)} * slots + AlignUp(op_data);
}

inline ArenaPtr<void>* CallSlots(OpCall* call) {
  return reinterpret_cast<ArenaPtr<void>*>(call + 1);
}

// Whether any operator reads or writes tensor t (graph inputs/outputs that no op references get
// their own IO slot).
bool ReferencedByOp(const Model& model, int32_t t);

}  // namespace strata
