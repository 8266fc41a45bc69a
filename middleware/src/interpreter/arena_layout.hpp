// Arena-resident bookkeeping of the interpreter and the invariants that keep its size identical on
// 64-bit hosts and 32-bit MCUs (the host computes the firmware's arena size).
//
// Arena layout:  [TensorRecord x num_tensors][OpCall records][op data blocks] | [activations]
//                 <------------------- persistent (head) ------------------->  <-- planned -->
#pragma once

#include <stdint.h>

#include "kernel.hpp"

namespace strata {

// One per subgraph tensor (8 bytes). `first_use` doubles as the kind tag for unplanned tensors.
struct TensorRecord {
  static constexpr uint16_t kNotPlanned = 0xFFFF;  // model constant, folded constant or unused
  static constexpr uint16_t kAlias = 0xFFFE;       // shares the storage of tensor `location`
  static constexpr uint32_t kNoLocation = 0xFFFFFFFFu;

  uint32_t location;   // arena offset of the data; alias: index of the tensor aliased
  uint16_t first_use;  // op index range in which the data must stay valid (planned tensors)
  uint16_t last_use;

  bool planned() const { return first_use < kAlias; }
  bool alias() const { return first_use == kAlias; }
};

inline uint32_t AlignUp(uint32_t v) { return (v + (kArenaAlignment - 1)) & ~(kArenaAlignment - 1); }
inline uint64_t AlignUp64(uint64_t v) { return (v + (kArenaAlignment - 1)) & ~uint64_t{kArenaAlignment - 1}; }

// The tensor whose storage `t` uses (itself unless it is an alias). Aliases always point at a
// non-alias tensor (the interpreter resolves the chain when it records one); the bound is defensive.
inline int32_t RootTensor(const TensorRecord* records, uint32_t count, int32_t t) {
  for (uint32_t hops = 0; t >= 0 && records[t].alias() && hops < count; ++hops) {
    t = static_cast<int32_t>(records[t].location);
  }
  return t;
}

// Data slots trailing each OpCall record.
inline ArenaPtr<void>* CallSlots(OpCall* call) { return reinterpret_cast<ArenaPtr<void>*>(call + 1); }

static_assert(sizeof(TensorRecord) == 8, "TensorRecord must be 8 bytes on every target");
static_assert(sizeof(OpCall) % kArenaAlignment == 0, "OpCall records must stay aligned");
static_assert(sizeof(ArenaPtr<void>) % kArenaAlignment == 0, "slots must stay aligned");

}  // namespace strata
