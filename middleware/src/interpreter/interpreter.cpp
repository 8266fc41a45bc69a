// Interpreter: construction, the Invoke loops and tensor access (see strata/interpreter.hpp).
#include "strata/interpreter.hpp"

#include "interpreter/arena_layout.hpp"
#include "interpreter/prepare_session.hpp"

namespace strata {

Interpreter::Interpreter(const Model& model, const OpResolver& resolver, uint8_t* arena,
                         size_t arena_bytes)
    : model_(&model), resolver_(&resolver), arena_(arena), arena_bytes_(arena_bytes) {}

Status Interpreter::Prepare() {
  prepared_ = false;
  io_ = nullptr;
  calls_ = nullptr;
  num_calls_ = 0;
  usage_ = ArenaUsage();
  PrepareSession session(*this);
  Status status = session.Run();
  prepared_ = status.ok();
  if (!prepared_) {
    io_ = nullptr;
    calls_ = nullptr;
    num_calls_ = 0;
  }
  return status;
}

Status Interpreter::Invoke() {
  if (!prepared_) return Status::Error(StatusCode::kNotReady, "Invoke before a successful Prepare");
  return profiler_ != nullptr ? InvokeProfiled() : InvokeFast();
}

Status Interpreter::InvokeFast() {
  const uint8_t* p = calls_;
  for (uint32_t i = num_calls_; i != 0; --i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    if (call.invoke.fn != nullptr) call.invoke.fn(call);
    p += call.stride_words * 8u;
  }
  return Status::Ok();
}

Status Interpreter::InvokeProfiled() {
  const CycleCounter& counter = profiler_->counter();
  const uint8_t* p = calls_;
  for (uint32_t i = 0; i < num_calls_; ++i) {  // one record per op, in model order
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    p += call.stride_words * 8u;
    if (call.invoke.fn == nullptr) continue;
    const char* name = OpName(model_->op_code(i));
    profiler_->BeginOp(i, name);
    const uint64_t start = counter.now();
    call.invoke.fn(call);
    const uint64_t end = counter.now();
    profiler_->EndOp(i, name, end - start);
  }
  return Status::Ok();
}

bool ReferencedByOp(const Model& model, int32_t t) {
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    for (uint32_t k = 0; k < model.op_num_inputs(i); ++k) {
      if (model.op_input(i, k) == t) return true;
    }
    for (uint32_t k = 0; k < model.op_num_outputs(i); ++k) {
      if (model.op_output(i, k) == t) return true;
    }
  }
  return false;
}

void* Interpreter::FindTensorData(int32_t index, const void* io_slots, const uint8_t* calls) const {
  const uint8_t* p = calls;
  for (uint32_t i = 0; i < model_->num_operators(); ++i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    p += call.stride_words * 8u;
    for (uint32_t k = 0; k < call.num_inputs; ++k) {
      if (model_->op_input(i, k) == index) return const_cast<void*>(call.input(k));
    }
    for (uint32_t k = 0; k < call.num_outputs(); ++k) {
      if (model_->op_output(i, k) == index) return call.output(k);
    }
  }
  const ArenaPtr<void>* io = static_cast<const ArenaPtr<void>*>(io_slots);
  uint32_t slot = 0;
  for (uint32_t k = 0; k < model_->num_inputs() + model_->num_outputs(); ++k) {
    const bool input = k < model_->num_inputs();
    const int32_t t =
        input ? model_->input_tensor(k) : model_->output_tensor(k - model_->num_inputs());
    if (ReferencedByOp(*model_, t)) continue;
    if (t == index) return io[slot].ptr;
    ++slot;
  }
  return model_->tensor(index).data;  // a constant, or an unused tensor (null)
}

void* Interpreter::TensorData(int32_t index) const {
  if (!prepared_ || index < 0 || static_cast<uint32_t>(index) >= model_->num_tensors()) {
    return nullptr;
  }
  return FindTensorData(index, io_, calls_);
}

int64_t Interpreter::tensor_arena_offset(int32_t index) const {
  const uint8_t* data = static_cast<const uint8_t*>(TensorData(index));
  if (data == nullptr || data < arena_ || data >= arena_ + usage_.total_bytes) return -1;
  return data - arena_;
}

TensorView Interpreter::tensor(int32_t index) const {
  TensorView v = model_->tensor(index);
  if (!v.present() || !prepared_) return v;
  v.data = TensorData(index);
  const int64_t offset = tensor_arena_offset(index);
  if (offset >= 0 && offset < usage_.persistent_bytes) v.is_constant = true;  // folded at prepare
  return v;
}

TensorView Interpreter::input(uint32_t i) const {
  TensorView v = model_->tensor(model_->input_tensor(i));
  if (prepared_ && v.present()) v.data = i < kCachedIo ? input_cache_[i] : TensorData(v.index);
  return v;
}

TensorView Interpreter::output(uint32_t i) const {
  TensorView v = model_->tensor(model_->output_tensor(i));
  if (prepared_ && v.present()) v.data = i < kCachedIo ? output_cache_[i] : TensorData(v.index);
  return v;
}

const OpCall* Interpreter::Call(uint32_t i) const {
  const uint8_t* p = calls_;
  for (uint32_t k = 0; k < num_calls_; ++k) {
    const OpCall* call = reinterpret_cast<const OpCall*>(p);
    if (k == i) return call;
    p += call->stride_words * 8u;
  }
  return nullptr;
}

bool Interpreter::op_is_invoked(uint32_t i) const {
  const OpCall* call = Call(i);
  return call != nullptr && call->invoke.fn != nullptr;
}

Variant Interpreter::op_variant(uint32_t i) const {
  const OpCall* call = Call(i);
  return call != nullptr ? call->variant() : Variant::kNone;
}

uint32_t Interpreter::op_resolver_depth(uint32_t i) const {
  const OpCall* call = Call(i);
  return call != nullptr ? call->resolver_depth() : 0;
}

}  // namespace strata
