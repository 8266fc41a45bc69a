// Interpreter: construction, Invoke loops and tensor access (see strata/interpreter.hpp).
#include "strata/interpreter.hpp"

#include "interpreter/arena_layout.hpp"
#include "interpreter/prepare_session.hpp"

namespace strata {

Interpreter::Interpreter(const Model& model, const OpResolver& resolver, uint8_t* arena,
                         size_t arena_bytes)
    : model_(&model), resolver_(&resolver), arena_(arena), arena_bytes_(arena_bytes) {}

Status Interpreter::Prepare() {
  prepared_ = false;
  tensors_ = nullptr;
  calls_ = nullptr;
  num_calls_ = 0;
  usage_ = ArenaUsage();
  PrepareSession session(*this);
  Status status = session.Run();
  prepared_ = status.ok();
  if (!prepared_) {
    tensors_ = nullptr;
    calls_ = nullptr;
    num_calls_ = 0;
  }
  return status;
}

Status Interpreter::Invoke() {
  if (!prepared_) return Status::Error(StatusCode::kNotReady, "Invoke before a successful Prepare");
  if (profiler_ != nullptr) return InvokeProfiled();
  const uint8_t* p = calls_;
  for (uint32_t i = 0; i < num_calls_; ++i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    if (call.invoke.fn != nullptr) call.invoke.fn(call);
    p += call.size_bytes();
  }
  return Status::Ok();
}

Status Interpreter::InvokeProfiled() {
  const CycleCounter& counter = profiler_->counter();
  const uint8_t* p = calls_;
  for (uint32_t i = 0; i < num_calls_; ++i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    p += call.size_bytes();
    if (call.invoke.fn == nullptr) continue;
    const char* name = OpName(call.builtin_code);
    profiler_->BeginOp(call.op_index, name);
    const uint64_t start = counter.now();
    call.invoke.fn(call);
    const uint64_t end = counter.now();
    profiler_->EndOp(call.op_index, name, end - start);
  }
  return Status::Ok();
}

void* Interpreter::TensorData(int32_t index) const {
  if (tensors_ == nullptr || index < 0 || static_cast<uint32_t>(index) >= model_->num_tensors()) {
    return nullptr;
  }
  const int32_t root = RootTensor(tensors_, model_->num_tensors(), index);
  const TensorRecord& r = tensors_[root];
  if (r.location != TensorRecord::kNoLocation && !r.alias()) return arena_ + r.location;
  return model_->tensor(root).data;  // model constant, or null for an unused tensor
}

int64_t Interpreter::tensor_arena_offset(int32_t index) const {
  if (tensors_ == nullptr || index < 0 || static_cast<uint32_t>(index) >= model_->num_tensors()) {
    return -1;
  }
  const TensorRecord& r = tensors_[RootTensor(tensors_, model_->num_tensors(), index)];
  return r.location != TensorRecord::kNoLocation ? static_cast<int64_t>(r.location) : -1;
}

TensorView Interpreter::tensor(int32_t index) const {
  TensorView v = model_->tensor(index);
  if (v.present() && prepared_) {
    v.data = TensorData(index);
    v.is_constant = v.is_constant || (tensor_arena_offset(index) >= 0 &&
                                      !tensors_[RootTensor(tensors_, model_->num_tensors(), index)]
                                           .planned());
  }
  return v;
}

TensorView Interpreter::input(uint32_t i) const { return tensor(model_->input_tensor(i)); }

TensorView Interpreter::output(uint32_t i) const { return tensor(model_->output_tensor(i)); }

bool Interpreter::op_is_invoked(uint32_t i) const {
  const uint8_t* p = calls_;
  for (uint32_t k = 0; k < num_calls_; ++k) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    if (k == i) return call.invoke.fn != nullptr;
    p += call.size_bytes();
  }
  return false;
}

}  // namespace strata
