// PrepareSession: activation lifetimes, the arena plan and the resulting arena size.
#include <string.h>

#include "interpreter/prepare_session.hpp"
#include "planner/arena_planner.hpp"

namespace strata {

void PrepareSession::Touch(int32_t tensor, uint32_t step) {
  if (tensor < 0) return;
  const int32_t root = Root(tensor);
  if (IsConstant(root)) return;
  TensorPlan& r = tensors_[root];
  const uint16_t s = static_cast<uint16_t>(step);
  if (!r.planned()) {
    r = TensorPlan{static_cast<uint32_t>(root), 0, s, s};  // leads its own in-place group
    return;
  }
  if (s < r.first_use) r.first_use = s;
  if (s > r.last_use) r.last_use = s;
}

Status PrepareSession::ComputeLifetimes() {
  const uint32_t num_ops = model_.num_operators();
  const uint32_t last_step = num_ops > 0 ? num_ops - 1 : 0;
  // The caller writes inputs before Invoke and reads outputs after it; variables keep state.
  for (uint32_t k = 0; k < model_.num_inputs(); ++k) Touch(model_.input_tensor(k), 0);
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (model_.tensor_is_variable(static_cast<int32_t>(t))) {
      Touch(static_cast<int32_t>(t), 0);
      Touch(static_cast<int32_t>(t), last_step);
    }
  }
  for (uint32_t i = 0; i < num_ops; ++i) {
    for (uint32_t k = 0; k < model_.op_num_inputs(i); ++k) {
      const int32_t t = model_.op_input(i, k);
      // Nothing has written such a tensor when op i runs: the op would read stale arena bytes.
      if (t >= 0 && !IsConstant(t) && !tensors_[Root(t)].planned()) {
        return Status::Error(StatusCode::kMalformedModel,
                             "operator %u (%s): input %u (tensor %d %s) is not a graph input, a "
                             "constant or an earlier op's output",
                             static_cast<unsigned>(i), OpName(model_.op_code(i)),
                             static_cast<unsigned>(k), static_cast<int>(t), model_.tensor(t).name);
      }
      Touch(t, i);
    }
    for (uint32_t k = 0; k < model_.op_num_outputs(i); ++k) Touch(model_.op_output(i, k), i);
  }
  for (uint32_t k = 0; k < model_.num_outputs(); ++k) Touch(model_.output_tensor(k), last_step);
  return Status::Ok();
}

// Buffers for the planner: one per planned tensor (keyed by its in-place group leader, or by
// itself when `grouped` is false), then one per scratch request. Returns the count.
uint32_t PrepareSession::FillPlanBuffers(PlanBuffer* bufs, bool grouped) {
  uint32_t b = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    const TensorPlan& r = tensors_[t];
    if (!r.planned()) continue;
    const bool member = grouped && r.a != t;
    bufs[b++] = PlanBuffer{AlignUp(model_.tensor_bytes(static_cast<int32_t>(t))),
                           member ? static_cast<uint32_t>(r.delta) : 0,
                           0,
                           grouped ? r.a : t,
                           r.first_use,
                           r.last_use};
  }
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (ops_[i].scratch != 0) {
      bufs[b++] = PlanBuffer{
          ops_[i].scratch,         0, 0, model_.num_tensors() + i, static_cast<uint16_t>(i),
          static_cast<uint16_t>(i)};
    }
  }
  return b;
}

void PrepareSession::StoreLocations(const PlanBuffer* bufs) {
  uint32_t b = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (tensors_[t].planned()) tensors_[t].a = persistent_ + bufs[b++].offset;
  }
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (ops_[i].scratch != 0) ops_[i].scratch = persistent_ + bufs[b++].offset;
  }
}

// Op data goes in one block after the records; a folded constant is the start of its op data.
void PrepareSession::AssignOpData() {
  uint32_t data = records_end_;
  uint8_t* p = arena_ + io_bytes_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    OpCall* call = reinterpret_cast<OpCall*>(p);
    const uint32_t bytes = call->data_offset;
    call->data_offset = bytes != 0 ? data - static_cast<uint32_t>(p - arena_) : 0;
    const int32_t out = model_.op_output(i, 0);
    if (bytes != 0 && out >= 0 && tensors_[out].a == kFoldedPending && !tensors_[out].planned()) {
      tensors_[out].a = data;
    }
    data += AlignUp(bytes);
    p += call->stride_words * 8u;
  }
}

Status PrepareSession::Plan() {
  if (!dry_) AssignOpData();
  STRATA_RETURN_IF_ERROR(ComputeLifetimes());
  uint32_t n = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) n += tensors_[t].planned() ? 1 : 0;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) n += ops_[i].scratch != 0 ? 1 : 0;
  const uint32_t buffers_bytes = AlignUp(n * static_cast<uint32_t>(sizeof(PlanBuffer)));
  const uint32_t temp_bytes =
      tables_bytes_ + buffers_bytes +
      AlignUp(PlannerWorkEntries(n) * static_cast<uint32_t>(sizeof(uint16_t)));
  ArenaUsage& usage = in_.usage_;
  usage.planner_bytes = temp_bytes;
  // The tables move onto the op data block, which is written only after planning. When the
  // planning memory does not fit there the arena is too small anyway; planning from the arena
  // start (over the records) still yields the exact size to report.
  const uint64_t temp_end = uint64_t{records_end_} + temp_bytes;
  if (temp_end > arena_bytes_) dry_ = true;
  if (temp_bytes > arena_bytes_) {
    return TooSmall(temp_end > persistent_ ? temp_end : persistent_, false);
  }
  uint8_t* tables = arena_ + (dry_ ? 0 : records_end_);
  memmove(tables, tensors_, tables_bytes_);
  ops_ = reinterpret_cast<OpPlan*>(
      tables + (reinterpret_cast<uint8_t*>(ops_) - reinterpret_cast<uint8_t*>(tensors_)));
  tensors_ = reinterpret_cast<TensorPlan*>(tables);
  PlanBuffer* bufs = reinterpret_cast<PlanBuffer*>(tables + tables_bytes_);
  uint16_t* work = reinterpret_cast<uint16_t*>(tables + tables_bytes_ + buffers_bytes);
  usage.tensor_lower_bound = PlanLowerBound(bufs, FillPlanBuffers(bufs, false), work);
  GroupInPlace(bufs, work);
  const PlanResult plan = PlanArena(bufs, FillPlanBuffers(bufs, true), work);
  usage.activation_bytes = plan.bytes;
  usage.activation_lower_bound = plan.lower_bound;
  usage.lower_bound = persistent_ + plan.lower_bound;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (ops_[i].scratch > usage.scratch_bytes) usage.scratch_bytes = ops_[i].scratch;
  }
  const uint64_t placed = uint64_t{persistent_} + plan.bytes;
  const uint64_t total = placed > temp_end ? placed : temp_end;
  if (total > 0xFFFFFFF0u) return Status::Error(StatusCode::kUnsupported, "arena exceeds 4 GiB");
  usage.total_bytes = static_cast<uint32_t>(total);
  if (dry_ || total > arena_bytes_) return TooSmall(total, true);
  StoreLocations(bufs);
  return Status::Ok();
}

}  // namespace strata
