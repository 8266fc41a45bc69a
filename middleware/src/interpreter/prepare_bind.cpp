// PrepareSession: pointer binding and the kernels' prepare step; tensor state queries.
#include <string.h>

#include "interpreter/prepare_session.hpp"

namespace strata {

int32_t PrepareSession::Root(int32_t t) const {
  // Aliases point at a non-alias tensor (ApplyRequirements resolves chains); the bound is
  // defensive.
  for (uint32_t hops = 0; t >= 0 && tensors_[t].alias() && hops < model_.num_tensors(); ++hops) {
    t = static_cast<int32_t>(tensors_[t].a);
  }
  return t;
}

bool PrepareSession::IsConstant(int32_t t) const {
  const int32_t root = Root(t);
  if (root < 0) return false;
  if (model_.tensor_is_constant(root)) return true;
  const TensorPlan& r = tensors_[root];
  return !r.planned() && r.a != TensorPlan::kNoLocation;  // folded at prepare
}

void* PrepareSession::TensorData(int32_t t) const {
  const int32_t root = Root(t);
  if (root < 0) return nullptr;
  const TensorPlan& r = tensors_[root];
  const bool in_arena = r.planned() || r.a != TensorPlan::kNoLocation;
  if (bound_ && in_arena) return arena_ + r.a;
  return model_.tensor(root).data;  // model constant (null for activations before Bind)
}

TensorView PrepareSession::View(int32_t t) const {
  TensorView v = model_.tensor(t);
  if (t < 0) return v;
  v.is_constant = IsConstant(t);
  v.data = TensorData(t);
  return v;
}

// After the tables are gone: constness follows from where the data lives (model or op data).
TensorView PrepareSession::SlotView(int32_t t, const void* data) const {
  TensorView v = model_.tensor(t);
  if (t < 0) return v;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  const bool folded = p >= arena_ + records_end_ && p < arena_ + persistent_;
  v.is_constant = v.is_constant || folded;
  v.data = const_cast<void*>(data);
  return v;
}

uint32_t PrepareSession::NumSlots(const OpCall& call, uint32_t op) const {
  return call.num_inputs + call.num_outputs() + (ops_[op].scratch != 0 ? 1 : 0);
}

// Fills the IO slots, every record's pointer slots and the interpreter's IO cache.
void PrepareSession::FillSlots() {
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
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    OpCall* call = reinterpret_cast<OpCall*>(p);
    ArenaPtr<void>* slots = CallSlots(call);
    const uint32_t num_in = call->num_inputs;
    for (uint32_t k = 0; k < NumSlots(*call, i); ++k) {
      slots[k].bits = 0;
      if (k < num_in) {
        slots[k].ptr = TensorData(model_.op_input(i, k));
      } else if (k < num_in + call->num_outputs()) {
        slots[k].ptr = TensorData(model_.op_output(i, k - num_in));
      } else {
        slots[k].ptr = arena_ + ops_[i].scratch;
      }
    }
    p += call->stride_words * 8u;
  }
  for (uint32_t k = 0; k < Interpreter::kCachedIo; ++k) {
    in_.input_cache_[k] = k < model_.num_inputs() ? TensorData(model_.input_tensor(k)) : nullptr;
    in_.output_cache_[k] = k < model_.num_outputs() ? TensorData(model_.output_tensor(k)) : nullptr;
  }
}

Status PrepareSession::Bind() {
  bound_ = true;
  FillSlots();
  // Every pointer is in the records now: the planning tables on the op data block may die.
  memset(arena_ + records_end_, 0, op_data_bytes_);
  const uint8_t* p = arena_ + io_bytes_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    const OpCall* call = reinterpret_cast<const OpCall*>(p);
    p += call->stride_words * 8u;
    const Kernel* kernel = nullptr;
    STRATA_RETURN_IF_ERROR(KernelAtDepth(i, call->resolver_depth(), &kernel));
    TensorView inputs[kMaxOpInputs];
    TensorView outputs[kMaxOpOutputs];
    OpContext ctx;
    BuildContext(i, &ctx, inputs, outputs, call);
    if (call->data_offset == 0) continue;  // no op data to fill
    OpRequirements req;
    STRATA_RETURN_IF_ERROR(kernel->prepare(ctx, &req, const_cast<void*>(call->op_data())));
    if (req.variant != call->variant()) {
      return OpError(ctx, StatusCode::kInternal, "kernel prepare changed its variant");
    }
  }
  // Variables start zeroed (they live among the activations, past the op data block).
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (!model_.tensor_is_variable(static_cast<int32_t>(t))) continue;
    void* data = in_.FindTensorData(static_cast<int32_t>(t), arena_, arena_ + io_bytes_);
    if (data != nullptr) memset(data, 0, model_.tensor_bytes(static_cast<int32_t>(t)));
  }
  in_.io_ = arena_;
  in_.calls_ = arena_ + io_bytes_;
  in_.num_calls_ = model_.num_operators();
  return Status::Ok();
}

}  // namespace strata
