// PrepareSession: pointer binding and the kernels' prepare step; tensor state queries.
#include <string.h>

#include "interpreter/prepare_session.hpp"

namespace strata {

int32_t PrepareSession::Root(int32_t t) const {
  return RootTensor(tensors_, model_.num_tensors(), t);
}

bool PrepareSession::IsConstant(int32_t t) const {
  const int32_t root = Root(t);
  if (root < 0) return false;
  if (model_.tensor_is_constant(root)) return true;
  const TensorRecord& r = tensors_[root];
  return !r.planned() && r.location != TensorRecord::kNoLocation;  // folded at prepare
}

TensorView PrepareSession::View(int32_t t) const {
  TensorView v = model_.tensor(t);
  if (t < 0) return v;
  v.is_constant = IsConstant(t);
  v.data = bound_ ? in_.TensorData(t) : (v.is_constant ? model_.tensor(Root(t)).data : nullptr);
  return v;
}

Status PrepareSession::Bind() {
  // Pointer values are only written now that every offset is known to fit in the arena.
  in_.tensors_ = tensors_;
  bound_ = true;
  const uint32_t op_data_begin = tensor_table_bytes_ + records_bytes_;
  memset(arena_ + op_data_begin, 0, persistent_ - op_data_begin);
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (model_.tensor_is_variable(static_cast<int32_t>(t)) && tensors_[t].planned()) {
      memset(arena_ + tensors_[t].location, 0, model_.tensor_bytes(static_cast<int32_t>(t)));
    }
  }
  OpCall* call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    const uint32_t data_offset = static_cast<uint32_t>(call->op_data.bits);
    const uint32_t scratch_offset = static_cast<uint32_t>(call->scratch.bits);
    call->op_data.bits = 0;
    call->op_data.ptr = data_offset != 0 ? arena_ + data_offset : nullptr;
    call->scratch.bits = 0;
    call->scratch.ptr = scratch_offset != 0 ? arena_ + scratch_offset : nullptr;
    ArenaPtr<void>* slots = CallSlots(call);
    for (uint32_t k = 0; k < call->num_inputs; ++k) {
      slots[k].ptr = in_.TensorData(model_.op_input(i, k));
    }
    for (uint32_t k = 0; k < call->num_outputs; ++k) {
      slots[call->num_inputs + k].ptr = in_.TensorData(model_.op_output(i, k));
    }
  }
  call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i, call = NextCall(call)) {
    const Kernel* kernel = nullptr;
    STRATA_RETURN_IF_ERROR(ResolveKernel(i, &kernel));
    if (kernel->prepare == nullptr) continue;
    TensorView inputs[kMaxOpInputs];
    TensorView outputs[kMaxOpOutputs];
    OpContext ctx;
    BuildContext(i, &ctx, inputs, outputs);
    STRATA_RETURN_IF_ERROR(kernel->prepare(ctx, const_cast<void*>(call->op_data.ptr)));
  }
  return Status::Ok();
}

}  // namespace strata
