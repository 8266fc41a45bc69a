// PrepareSession: in-place groups. When a kernel can run in place (inplace_lead_bytes >= 0) and
// its input is dead after the op, the output may sit `lead` bytes below the input, overlapping it.
// Tensors linked that way form a rigid group (fixed relative offsets) whose members keep their own
// lifetimes, so the planner reserves only what is live. Graph outputs and variables are never
// overwritten in place; graph inputs may be (Invoke consumes its inputs; their memory is reused
// once read anyway).
//
// Which ops run in place is a choice: chains of in-place ops drift downwards by the sum of their
// leads, so merging everything can cost more than it saves. Candidates are tried in order of the
// live bytes at their step (the peak first) and the set with the fewest planned bytes wins.
#include "interpreter/prepare_session.hpp"
#include "planner/arena_planner.hpp"

namespace strata {

int64_t PrepareSession::GroupPosition(int32_t t) const {
  return tensors_[t].a == static_cast<uint32_t>(t) ? 0 : tensors_[t].delta;
}

bool PrepareSession::CanRunInPlace(uint32_t op, int32_t* in_out, int32_t* out_out) const {
  if (ops_[op].lead < 0 || ops_[op].lead > 0x3FFFFFFF) return false;
  const int32_t in = Root(model_.op_input(op, 0));
  const int32_t out = Root(model_.op_output(op, 0));
  if (in < 0 || out < 0 || in == out) return false;
  const TensorPlan& ri = tensors_[in];
  const TensorPlan& ro = tensors_[out];
  if (!ri.planned() || !ro.planned()) return false;  // constants are never written
  if (ri.last_use != op || ro.first_use != op) return false;
  if (model_.tensor_is_variable(in) || model_.tensor_is_variable(out)) return false;
  for (uint32_t k = 0; k < model_.num_outputs(); ++k) {
    if (Root(model_.output_tensor(k)) == in) return false;
  }
  for (uint32_t k = 1; k < model_.op_num_inputs(op); ++k) {  // the lead describes input 0 only
    if (Root(model_.op_input(op, k)) == in) return false;
  }
  *in_out = in;
  *out_out = out;
  return true;
}

// Joins out's group to in's group so that out starts `lead` bytes below in; false (and nothing
// changed) when two members that are live together would share bytes.
bool PrepareSession::MergeGroups(int32_t in, int32_t out, int64_t lead) {
  const uint32_t gi = tensors_[in].a;
  const uint32_t go = tensors_[out].a;
  if (gi == go) return false;
  const int64_t shift = GroupPosition(in) - lead - GroupPosition(out);  // go coords -> gi coords
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    const TensorPlan& rt = tensors_[t];
    if (!rt.planned() || rt.a != go) continue;
    const int64_t t_lo = GroupPosition(static_cast<int32_t>(t)) + shift;
    const int64_t t_hi = t_lo + AlignUp(model_.tensor_bytes(static_cast<int32_t>(t)));
    for (uint32_t u = 0; u < model_.num_tensors(); ++u) {
      const TensorPlan& ru = tensors_[u];
      if (!ru.planned() || ru.a != gi) continue;
      if (t == static_cast<uint32_t>(out) && u == static_cast<uint32_t>(in)) continue;  // intended
      const bool live = rt.first_use <= ru.last_use && ru.first_use <= rt.last_use;
      const int64_t u_lo = GroupPosition(static_cast<int32_t>(u));
      const int64_t u_hi = u_lo + AlignUp(model_.tensor_bytes(static_cast<int32_t>(u)));
      if (live && t_lo < u_hi && u_lo < t_hi) return false;
    }
  }
  int64_t lowest = 0;
  uint32_t leader = gi;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    TensorPlan& r = tensors_[t];
    if (!r.planned() || (r.a != go && r.a != gi)) continue;
    const int64_t pos = GroupPosition(static_cast<int32_t>(t)) + (r.a == go ? shift : 0);
    r.delta = static_cast<int32_t>(pos);  // temporarily signed positions in gi coordinates
    r.a = gi;
    if (pos < lowest) {
      lowest = pos;
      leader = t;
    }
  }
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {  // the lowest member leads at offset 0
    TensorPlan& r = tensors_[t];
    if (!r.planned() || r.a != gi) continue;
    r.delta = static_cast<int32_t>(r.delta - lowest);
    r.a = leader;
  }
  return true;
}

void PrepareSession::ResetGroups() {
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (!tensors_[t].planned()) continue;
    tensors_[t].a = t;
    tensors_[t].delta = 0;
  }
}

// Rebuilds the groups from the selected ops and returns the planned bytes.
uint32_t PrepareSession::ApplySelection(PlanBuffer* bufs, uint16_t* work) {
  ResetGroups();
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    int32_t in = -1;
    int32_t out = -1;
    if (!ops_[i].selected || !CanRunInPlace(i, &in, &out)) continue;
    MergeGroups(in, out, AlignUp(static_cast<uint32_t>(ops_[i].lead)));
  }
  return PlanArena(bufs, FillPlanBuffers(bufs, true), work).bytes;
}

// Live bytes at every candidate's step without in-place groups (for the trial order).
void PrepareSession::RankCandidates(PlanBuffer* bufs) {
  const uint32_t n = FillPlanBuffers(bufs, false);
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    int32_t in = -1;
    int32_t out = -1;
    ops_[i].selected = 0;
    ops_[i].live_bytes = 0;
    if (!CanRunInPlace(i, &in, &out)) continue;
    ops_[i].candidate = 1;
    for (uint32_t b = 0; b < n; ++b) {
      if (bufs[b].first <= i && i <= bufs[b].last) ops_[i].live_bytes += bufs[b].size;
    }
  }
}

// Next unselected candidate with the most live bytes at its step, or -1.
int32_t PrepareSession::NextCandidate(uint32_t after_bytes, int32_t after_op) const {
  int32_t best = -1;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    const OpPlan& o = ops_[i];
    const bool later = o.live_bytes < after_bytes ||
                       (o.live_bytes == after_bytes && static_cast<int32_t>(i) > after_op);
    if (!o.candidate || !later) continue;
    if (best < 0 || o.live_bytes > ops_[best].live_bytes) best = static_cast<int32_t>(i);
  }
  return best;
}

void PrepareSession::GroupInPlace(PlanBuffer* bufs, uint16_t* work) {
  RankCandidates(bufs);
  uint32_t best = ApplySelection(bufs, work);  // nothing selected
  uint32_t best_prefix = 0;
  uint32_t count = 0;
  // Prefixes of the ranked candidates: merging the peak step alone often only moves the peak.
  for (int32_t i = NextCandidate(0xFFFFFFFFu, -1); i >= 0;
       i = NextCandidate(ops_[i].live_bytes, i)) {
    ops_[i].selected = 1;
    ++count;
    const uint32_t bytes = ApplySelection(bufs, work);
    if (bytes < best) {
      best = bytes;
      best_prefix = count;
    }
  }
  count = 0;
  for (int32_t i = NextCandidate(0xFFFFFFFFu, -1); i >= 0;
       i = NextCandidate(ops_[i].live_bytes, i)) {
    ops_[i].selected = ++count <= best_prefix ? 1 : 0;
  }
  // Then each remaining candidate on its own, kept when it helps.
  for (int32_t i = NextCandidate(0xFFFFFFFFu, -1); i >= 0;
       i = NextCandidate(ops_[i].live_bytes, i)) {
    if (ops_[i].selected) continue;
    ops_[i].selected = 1;
    const uint32_t bytes = ApplySelection(bufs, work);
    if (bytes < best) {
      best = bytes;
    } else {
      ops_[i].selected = 0;
    }
  }
  ApplySelection(bufs, work);
}

}  // namespace strata
