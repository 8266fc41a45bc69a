// PrepareSession: pointer binding and the kernels' prepare step; tensor state queries.
#include <string.h>

#include "interpreter/prepare_session.hpp"

namespace strata {

using planner::kNoLocation;
using planner::Storage;

int32_t PrepareSession::Root(int32_t t) const { return t < 0 ? t : tensors_[t].root; }

bool PrepareSession::IsConstant(int32_t t) const {
  if (t < 0) return false;
  const Storage s = tensors_[Root(t)].storage;
  return s == Storage::kConstant || s == Storage::kFolded;
}

void* PrepareSession::TensorData(int32_t t) const {
  if (t < 0) return nullptr;
  const TensorPlan& r = tensors_[Root(t)];
  if (r.storage == Storage::kConstant) return model_.tensor(Root(t)).data;
  if (bound_ && r.location != kNoLocation) return arena_ + r.location;
  return nullptr;  // an activation before Bind, or unused
}

TensorView PrepareSession::View(int32_t t) const {
  TensorView v = model_.tensor(t);
  if (t < 0) return v;
  v.is_constant = IsConstant(t);
  v.data = TensorData(t);
  ViewAsHalf(t, &v);
  return v;
}

// After the tables are gone: constness follows from where the data lives (model or op data).
TensorView PrepareSession::SlotView(int32_t t, const void* data) const {
  TensorView v = model_.tensor(t);
  if (t < 0) return v;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  const bool folded = p >= arena_ + records_end_ && p < arena_ + records_end_ + op_data_bytes_;
  v.is_constant = v.is_constant || folded;
  v.data = const_cast<void*>(data);
  ViewAsHalf(t, &v);
  return v;
}

// Fills the IO slots, every record's pointer slots, the subgraphs' first records and the
// interpreter's view of the IO tensors.
void PrepareSession::FillSlots(PreparedGraph* out) {
  ArenaPtr<void>* io = reinterpret_cast<ArenaPtr<void>*>(arena_);
  uint32_t io_slot = 0;
  for (uint32_t k = 0; k < model_.num_inputs() + model_.num_outputs(); ++k) {
    const bool input = k < model_.num_inputs();
    const int32_t t =
        input ? model_.input_tensor(k) : model_.output_tensor(k - model_.num_inputs());
    if (ReferencedByOp(model_, t)) continue;
    io[io_slot].bits = 0;  // clears the upper half on 32-bit targets
    io[io_slot++].ptr = TensorData(t);
  }
  uint8_t* p = arena_ + io_bytes_;
  const PlanBuffer* scratch = scratch_buffers_;
  uint32_t subgraph = 0;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    while (subgraph < model_.num_subgraphs() && model_.subgraph_first_op(subgraph) == i) {
      out->subgraph_calls[subgraph++] = p;
    }
    OpCall* call = reinterpret_cast<OpCall*>(p);
    ArenaPtr<void>* slots = CallSlots(call);
    const uint32_t num_in = call->num_inputs;
    const uint32_t num_out = call->num_outputs();
    for (uint32_t k = 0; k < num_in + num_out; ++k) {
      slots[k].bits = 0;
      slots[k].ptr =
          TensorData(k < num_in ? model_.op_input(i, k) : model_.op_output(i, k - num_in));
    }
    uint32_t used = num_in + num_out;
    if (call->num_outputs_flags & OpCall::kHasScratch) {
      slots[used].bits = 0;
      slots[used++].ptr = arena_ + persistent_ + (scratch++)->offset;
    } else if (ops_[i].scratch_bytes != 0) {
      ++scratch;  // an op that never runs keeps its (unused) scratch buffer in the plan
    }
    if (ops_[i].subgraphs != 0) FillSubgraphSlots(slots + used);
    p += call->stride_words * 8u;
  }
  while (subgraph < model_.num_subgraphs()) out->subgraph_calls[subgraph++] = p;  // empty ones
}

Status PrepareSession::Bind(PreparedGraph* out) {
  bound_ = true;
  FillSlots(out);
  // Every pointer is in the records now: the planning tables on the op data block may die.
  memset(arena_ + records_end_, 0, op_data_bytes_ + variables_bytes_);
  const uint8_t* p = arena_ + io_bytes_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    const OpCall* call = reinterpret_cast<const OpCall*>(p);
    p += call->stride_words * 8u;
    if (call->data_offset == 0) continue;  // no op data to fill
    const Kernel* kernel = nullptr;
    STRATA_RETURN_IF_ERROR(KernelAtDepth(i, call->resolver_depth(), &kernel));
    TensorView inputs[kMaxOpInputs];
    TensorView outputs[kMaxOpOutputs];
    OpContext ctx;
    BuildContext(i, &ctx, inputs, outputs, call);
    OpRequirements req;
    binding_ = call;
    const Status s = kernel->prepare(ctx, &req, const_cast<void*>(call->op_data()));
    binding_ = nullptr;
    STRATA_RETURN_IF_ERROR(s);
    if (req.variant != call->variant()) {
      return OpError(ctx, StatusCode::kInternal, "kernel prepare changed its variant");
    }
  }
  out->io = arena_;
  out->calls = arena_ + io_bytes_;
  out->variables = arena_ + persistent_ - variables_bytes_;
  out->variables_bytes = variables_bytes_;
  return Status::Ok();
}

}  // namespace strata
