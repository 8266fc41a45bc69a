// ChooseInPlace (see inplace.hpp).
#include "planner/inplace.hpp"

#include "planner/plan_buffers.hpp"

namespace strata {
namespace planner {
namespace {

uint32_t Align8(uint32_t v) { return (v + 7u) & ~7u; }

// A merge to try: output 0 (in place) or the scratch (overlay, lead 0) of `op` over input 0.
struct Candidate {
  uint16_t op;
  uint16_t in_buffer;
  uint16_t out_buffer;  // output 0's buffer, or the scratch's for an overlay
  uint8_t selected;
  uint8_t reserved;
  uint32_t live_bytes;  // bytes live at the op's step without any in-place group
  uint32_t lead;        // aligned lead
};

// Joins out's group to in's group so that out starts `lead` bytes below in; false (and nothing
// changed) when two members live at the same time would share bytes. Positions inside a group
// are the buffers' deltas (the lowest member at 0).
bool MergeGroups(PlanBuffer* buffers, uint32_t n, uint32_t in, uint32_t out, int64_t lead) {
  const uint32_t gi = buffers[in].group;
  const uint32_t go = buffers[out].group;
  if (gi == go) return false;
  const int64_t shift = int64_t{buffers[in].delta} - lead - buffers[out].delta;  // go -> gi
  for (uint32_t t = 0; t < n; ++t) {
    const PlanBuffer& bt = buffers[t];
    if (bt.group != go) continue;
    const int64_t t_lo = int64_t{bt.delta} + shift;
    const int64_t t_hi = t_lo + bt.size;
    for (uint32_t u = 0; u < n; ++u) {
      const PlanBuffer& bu = buffers[u];
      if (bu.group != gi || (t == out && u == in)) continue;  // the intended overlap
      const bool live = bt.first <= bu.last && bu.first <= bt.last;
      if (live && t_lo < int64_t{bu.delta} + bu.size && int64_t{bu.delta} < t_hi) return false;
    }
  }
  int64_t lowest = 0;
  for (uint32_t t = 0; t < n; ++t) {
    const PlanBuffer& b = buffers[t];
    if (b.group == go && int64_t{b.delta} + shift < lowest) lowest = int64_t{b.delta} + shift;
  }
  for (uint32_t t = 0; t < n; ++t) {
    PlanBuffer& b = buffers[t];
    if (b.group != go && b.group != gi) continue;
    b.delta = static_cast<uint32_t>(int64_t{b.delta} + (b.group == go ? shift : 0) - lowest);
    b.group = gi;
  }
  return true;
}

struct Chooser {
  PlanBuffer* buffers;
  uint32_t n;
  uint32_t steps;
  Candidate* candidates;  // ranked: most live bytes first, then the earlier op
  uint32_t count;
  uint16_t by_op[kMaxInPlaceCandidates];  // candidate indices in op order
  void* pack_work;

  // Rebuilds the groups from the selected candidates, merged in op order, and returns the planned
  // bytes.
  uint32_t Apply() {
    for (uint32_t b = 0; b < n; ++b) {
      buffers[b].delta = 0;
      buffers[b].group = b;
    }
    for (uint32_t k = 0; k < count; ++k) {
      const Candidate& c = candidates[by_op[k]];
      if (c.selected) MergeGroups(buffers, n, c.in_buffer, c.out_buffer, c.lead);
    }
    return PlanArena(buffers, n, steps, pack_work).bytes;
  }
};

// Keeps the best kMaxInPlaceCandidates candidates by (live bytes desc, op asc), sorted that way.
void Rank(Candidate* list, uint32_t* count, uint32_t capacity, const Candidate& c) {
  uint32_t at = *count;
  while (at > 0 && list[at - 1].live_bytes < c.live_bytes) --at;  // ties: the earlier op first
  if (at >= capacity) return;
  const uint32_t end = *count < capacity ? *count : capacity - 1;
  for (uint32_t k = end; k > at; --k) list[k] = list[k - 1];
  list[at] = c;
  if (*count < capacity) ++*count;
}

// Candidates kept: one per op (in place) plus one per op whose kernel allows a scratch overlay.
uint32_t Capacity(const OpPlan* ops, uint32_t num_ops) {
  uint32_t n = num_ops;
  for (uint32_t i = 0; i < num_ops && n < kMaxInPlaceCandidates; ++i) n += ops[i].scratch_overlay;
  return n < kMaxInPlaceCandidates ? n : kMaxInPlaceCandidates;
}

}  // namespace

bool CanRunInPlace(const TensorPlan* tensors, const OpPlan& op) {
  if (op.inplace_lead < 0 || op.inplace_lead > 0x3FFFFFFF) return false;
  if (op.in_root == kNoTensor || op.out_root == kNoTensor || op.in_root == op.out_root) {
    return false;
  }
  if (!HasBuffer(tensors, op.in_root) || !HasBuffer(tensors, op.out_root)) return false;
  const TensorPlan& in = tensors[op.in_root];
  const TensorPlan& out = tensors[op.out_root];
  return in.last == op.first_step && out.first == op.first_step && !in.pinned;
}

bool CanOverlayScratch(const TensorPlan* tensors, const OpPlan& op) {
  if (op.scratch_overlay == 0 || op.scratch_bytes == 0 || op.first_step != op.last_step) {
    return false;
  }
  if (op.in_root == kNoTensor || !HasBuffer(tensors, op.in_root)) return false;
  const TensorPlan& in = tensors[op.in_root];
  return in.last == op.first_step && !in.pinned;
}

uint32_t InPlaceWorkBytes(const OpPlan* ops, uint32_t num_ops, uint32_t num_buffers,
                          uint32_t num_steps) {
  return Align8(Capacity(ops, num_ops) * static_cast<uint32_t>(sizeof(Candidate))) +
         PlannerWorkBytes(num_buffers, num_steps);
}

uint32_t ChooseInPlace(const TensorPlan* tensors, uint32_t num_tensors, const OpPlan* ops,
                       uint32_t num_ops, PlanBuffer* buffers, uint32_t num_buffers,
                       uint32_t num_steps, void* work) {
  const uint32_t capacity = Capacity(ops, num_ops);
  Chooser ch;
  ch.buffers = buffers;
  ch.n = num_buffers;
  ch.steps = num_steps;
  ch.candidates = static_cast<Candidate*>(work);
  ch.count = 0;
  ch.pack_work =
      static_cast<uint8_t*>(work) + Align8(capacity * static_cast<uint32_t>(sizeof(Candidate)));
  // Live bytes at every step, without groups: a sweep in the (not yet used) packing memory.
  uint64_t* live = static_cast<uint64_t*>(ch.pack_work);
  for (uint32_t s = 0; s <= num_steps; ++s) live[s] = 0;
  for (uint32_t b = 0; b < num_buffers; ++b) {
    live[buffers[b].first] += buffers[b].size;
    live[buffers[b].last + 1u] -= buffers[b].size;
  }
  for (uint32_t s = 1; s < num_steps; ++s) live[s] += live[s - 1];
  uint32_t scratch_buffer = BufferOf(tensors, num_tensors);  // FillBuffers: after the tensors'
  for (uint32_t i = 0; i < num_ops && capacity > 0; ++i) {
    const uint64_t bytes = live[ops[i].first_step];
    const uint32_t live_bytes = bytes > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(bytes);
    // The overlay first: of one op's two candidates it is ranked (and merged) first.
    if (CanOverlayScratch(tensors, ops[i])) {
      Candidate c{static_cast<uint16_t>(i),
                  static_cast<uint16_t>(BufferOf(tensors, ops[i].in_root)),
                  static_cast<uint16_t>(scratch_buffer),
                  0,
                  0,
                  live_bytes,
                  0};
      Rank(ch.candidates, &ch.count, capacity, c);
    }
    if (ops[i].scratch_bytes != 0) ++scratch_buffer;
    if (!CanRunInPlace(tensors, ops[i])) continue;
    Candidate c{static_cast<uint16_t>(i),
                static_cast<uint16_t>(BufferOf(tensors, ops[i].in_root)),
                static_cast<uint16_t>(BufferOf(tensors, ops[i].out_root)),
                0,
                0,
                live_bytes,
                Align8(static_cast<uint32_t>(ops[i].inplace_lead))};
    Rank(ch.candidates, &ch.count, capacity, c);
  }
  for (uint32_t k = 0; k < ch.count; ++k) ch.by_op[k] = static_cast<uint16_t>(k);
  for (uint32_t a = 1; a < ch.count; ++a) {  // insertion sort by op: at most 64 entries
    const uint16_t v = ch.by_op[a];
    uint32_t j = a;
    for (; j > 0 && ch.candidates[ch.by_op[j - 1]].op > ch.candidates[v].op; --j) {
      ch.by_op[j] = ch.by_op[j - 1];
    }
    ch.by_op[j] = v;
  }
  uint32_t best = ch.Apply();  // nothing in place
  uint32_t best_prefix = 0;
  // Prefixes of the ranked candidates: merging the peak step alone often only moves the peak.
  for (uint32_t k = 0; k < ch.count; ++k) {
    ch.candidates[k].selected = 1;
    const uint32_t bytes = ch.Apply();
    if (bytes < best) {
      best = bytes;
      best_prefix = k + 1;
    }
  }
  for (uint32_t k = 0; k < ch.count; ++k) ch.candidates[k].selected = k < best_prefix ? 1 : 0;
  // Then each remaining candidate on its own, kept when it helps.
  for (uint32_t k = best_prefix; k < ch.count; ++k) {
    ch.candidates[k].selected = 1;
    const uint32_t bytes = ch.Apply();
    if (bytes < best) {
      best = bytes;
    } else {
      ch.candidates[k].selected = 0;
    }
  }
  ch.Apply();
  uint32_t in_place = 0;
  for (uint32_t k = 0; k < ch.count; ++k) in_place += ch.candidates[k].selected;
  return in_place;
}

}  // namespace planner
}  // namespace strata
