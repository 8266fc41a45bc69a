// PrepareSession: op-data placement, activation lifetimes and the arena plan.
#include "interpreter/prepare_session.hpp"
#include "planner/arena_planner.hpp"

namespace strata {

void PrepareSession::AssignOpData() {
  uint32_t cursor = tensor_table_bytes_ + records_bytes_;
  uint32_t op_data = 0;
  OpCall* call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    const uint32_t bytes = static_cast<uint32_t>(call->op_data.bits);
    if (bytes == 0) continue;
    call->op_data.bits = cursor;  // still an offset until Bind
    const int32_t out = model_.op_output(i, 0);
    if (out >= 0 && tensors_[out].location == kFoldedPending && !tensors_[out].alias()) {
      tensors_[out].location = cursor;  // the folded constant is the start of the op data
    }
    cursor += AlignUp(bytes);
    op_data += AlignUp(bytes);
  }
  persistent_ = cursor;
  in_.usage_.persistent_bytes = cursor;
  in_.usage_.op_data_bytes = op_data;
}

void PrepareSession::Touch(int32_t tensor, uint32_t step) {
  if (tensor < 0) return;
  const int32_t root = Root(tensor);
  TensorRecord& r = tensors_[root];
  if (IsConstant(root)) return;
  const uint16_t s = static_cast<uint16_t>(step);
  if (!r.planned()) {
    r.first_use = s;
    r.last_use = s;
    return;
  }
  if (s < r.first_use) r.first_use = s;
  if (s > r.last_use) r.last_use = s;
}

// Fills first/last use of every activation; returns how many tensors need arena space.
uint32_t PrepareSession::ComputeLifetimes() {
  const uint32_t num_ops = model_.num_operators();
  const uint32_t last_step = num_ops > 0 ? num_ops - 1 : 0;
  for (uint32_t i = 0; i < num_ops; ++i) {
    for (uint32_t k = 0; k < model_.op_num_inputs(i); ++k) Touch(model_.op_input(i, k), i);
    for (uint32_t k = 0; k < model_.op_num_outputs(i); ++k) Touch(model_.op_output(i, k), i);
  }
  // The caller writes inputs before Invoke and reads outputs after it.
  for (uint32_t k = 0; k < model_.num_inputs(); ++k) Touch(model_.input_tensor(k), 0);
  for (uint32_t k = 0; k < model_.num_outputs(); ++k) Touch(model_.output_tensor(k), last_step);
  uint32_t planned = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (model_.tensor_is_variable(static_cast<int32_t>(t))) {  // state kept across invokes
      Touch(static_cast<int32_t>(t), 0);
      Touch(static_cast<int32_t>(t), last_step);
    }
  }
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) planned += tensors_[t].planned() ? 1 : 0;
  return planned;
}

Status PrepareSession::Plan() {
  const uint32_t num_tensors = ComputeLifetimes();
  uint32_t n = num_tensors;
  OpCall* call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    n += call->scratch.bits != 0 ? 1 : 0;
  }
  // Planner memory sits where the activations will go; it is dead once offsets are known.
  const uint32_t buffers_bytes = AlignUp(n * static_cast<uint32_t>(sizeof(PlanBuffer)));
  const uint32_t planner_bytes =
      buffers_bytes + AlignUp(PlannerWorkEntries(n) * static_cast<uint32_t>(sizeof(uint16_t)));
  in_.usage_.planner_bytes = planner_bytes;
  if (persistent_ + static_cast<uint64_t>(planner_bytes) > arena_bytes_) {
    return TooSmall(persistent_ + planner_bytes, false);
  }
  PlanBuffer* bufs = reinterpret_cast<PlanBuffer*>(arena_ + persistent_);
  uint16_t* work = reinterpret_cast<uint16_t*>(arena_ + persistent_ + buffers_bytes);
  uint32_t b = 0;
  uint32_t scratch_max = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    const TensorRecord& r = tensors_[t];
    if (!r.planned()) continue;
    bufs[b++] = PlanBuffer{AlignUp(model_.tensor_bytes(static_cast<int32_t>(t))), 0, r.first_use,
                           r.last_use};
  }
  call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    const uint32_t bytes = static_cast<uint32_t>(call->scratch.bits);
    if (bytes == 0) continue;
    bufs[b++] = PlanBuffer{bytes, 0, static_cast<uint16_t>(i), static_cast<uint16_t>(i)};
    if (bytes > scratch_max) scratch_max = bytes;
  }
  const PlanResult plan = PlanArena(bufs, n, work);
  ArenaUsage& usage = in_.usage_;
  usage.activation_bytes = plan.bytes;
  usage.activation_lower_bound = plan.lower_bound;
  usage.lower_bound = persistent_ + plan.lower_bound;
  usage.scratch_bytes = scratch_max;
  const uint64_t total =
      persistent_ + static_cast<uint64_t>(plan.bytes > planner_bytes ? plan.bytes : planner_bytes);
  if (total > 0xFFFFFFFFu) return Status::Error(StatusCode::kUnsupported, "arena exceeds 4 GiB");
  usage.total_bytes = static_cast<uint32_t>(total);
  if (total > arena_bytes_) return TooSmall(usage.total_bytes, true);
  // Offsets back into the records (same order as above).
  b = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (tensors_[t].planned()) tensors_[t].location = persistent_ + bufs[b++].offset;
  }
  call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    if (call->scratch.bits != 0) call->scratch.bits = persistent_ + bufs[b++].offset;
  }
  return Status::Ok();
}

}  // namespace strata
