// Interpreter: Prepare and the tensor and op lookups (see strata/interpreter.hpp). They run once
// at startup or for tools, never inside Invoke, so this file is built for size
// (middleware/CMakeLists.txt); the Invoke loops are in interpreter.cpp.
#include "interpreter/arena_layout.hpp"
#include "interpreter/prepare_session.hpp"
#include "strata/interpreter.hpp"

namespace strata {
namespace {

// The data of tensor `index`: found in the call records (or IO slots), else the model's constant
// data (null for unused tensors). A scan over every record: for tools, not hot paths.
void* FindTensorData(const Model& model, int32_t index, const void* io_slots,
                     const uint8_t* calls) {
  const uint8_t* p = calls;
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    p += call.stride_words * 8u;
    // An elided op's record has no slots (fewer than the operator's inputs).
    const uint32_t inputs =
        call.num_inputs < model.op_num_inputs(i) ? call.num_inputs : model.op_num_inputs(i);
    for (uint32_t k = 0; k < inputs; ++k) {
      if (model.op_input(i, k) == index) return const_cast<void*>(call.input(k));
    }
    for (uint32_t k = 0; k < call.num_outputs(); ++k) {
      if (model.op_output(i, k) == index) return call.output(k);
    }
    if (const ArenaPtr<void>* g = SubgraphSlots(call, model)) {
      for (uint32_t s = 1; s < model.num_subgraphs(); ++s) {
        for (uint32_t k = 0; k < model.subgraph_num_inputs(s); ++k, ++g) {
          if (model.subgraph_input(s, k) == index) return g->ptr;
        }
        for (uint32_t k = 0; k < model.subgraph_num_outputs(s); ++k, ++g) {
          if (model.subgraph_output(s, k) == index) return g->ptr;
        }
      }
    }
  }
  const ArenaPtr<void>* io = static_cast<const ArenaPtr<void>*>(io_slots);
  uint32_t slot = 0;
  for (uint32_t k = 0; k < model.num_inputs() + model.num_outputs(); ++k) {
    const bool input = k < model.num_inputs();
    const int32_t t = input ? model.input_tensor(k) : model.output_tensor(k - model.num_inputs());
    if (ReferencedByOp(model, t)) continue;
    if (t == index) return io[slot].ptr;
    ++slot;
  }
  return model.tensor(index).data;  // a constant, or an unused tensor (null)
}

}  // namespace

Status Interpreter::Prepare() { return PrepareWith(nullptr, &PrepareSession::kSearch); }

Status Interpreter::Prepare(const BuildTimePlan& plan) { return PrepareWith(&plan, nullptr); }

Status Interpreter::PrepareWith(const BuildTimePlan* plan, const PlacementSearch* search) {
  prepared_ = false;
  float16_weights_ = search != nullptr || plan->float16_weights != nullptr;
  PreparedGraph g;
  PrepareSession session(*model_, *resolver_, arena_, arena_bytes_, plan, search, this);
  const Status status = session.Run(&g);
  usage_ = g.usage;
  if (!status.ok()) return status;
  io_ = g.io;
  calls_ = g.calls;
  num_calls_ = model_->subgraph_num_ops(0);
  for (uint32_t s = 0; s < kMaxSubgraphs; ++s) subgraph_calls_[s] = g.subgraph_calls[s];
  variables_ = g.variables;
  variables_bytes_ = g.variables_bytes;
  for (uint32_t k = 0; k < kCachedIo; ++k) {
    input_cache_[k] = k < model_->num_inputs()
                          ? FindTensorData(*model_, model_->input_tensor(k), io_, calls_)
                          : nullptr;
    output_cache_[k] = k < model_->num_outputs()
                           ? FindTensorData(*model_, model_->output_tensor(k), io_, calls_)
                           : nullptr;
  }
  prepared_ = true;
  return status;
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

void* Interpreter::TensorData(int32_t index) const {
  if (!prepared_ || index < 0 || static_cast<uint32_t>(index) >= model_->num_tensors()) {
    return nullptr;
  }
  return FindTensorData(*model_, index, io_, calls_);
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
  const uint8_t* data = static_cast<const uint8_t*>(v.data);
  const bool in_variables =
      data >= variables_ && variables_ != nullptr && data < variables_ + variables_bytes_;
  const int64_t offset = tensor_arena_offset(index);
  if (offset >= 0 && offset < usage_.persistent_bytes && !in_variables) {
    v.is_constant = true;  // folded at prepare
  }
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
  const uint8_t* p = prepared_ ? calls_ : nullptr;
  for (uint32_t k = 0; p != nullptr && k < model_->num_operators(); ++k) {
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

int64_t Interpreter::op_scratch_offset(uint32_t i) const {
  const OpCall* call = Call(i);
  if (call == nullptr || call->scratch() == nullptr) return -1;
  return static_cast<const uint8_t*>(call->scratch()) - arena_;
}

BuildTimePlan Interpreter::ExportPlan(uint32_t* tensor_offsets, uint32_t* scratch_offsets) const {
  // Offsets relative to the activations; everything else (constants, op data, variables)
  // 0xFFFFFFFF.
  auto relative = [this](int64_t at) {
    return at >= static_cast<int64_t>(usage_.persistent_bytes)
               ? static_cast<uint32_t>(at - usage_.persistent_bytes)
               : 0xFFFFFFFFu;
  };
  for (uint32_t t = 0; t < model_->num_tensors(); ++t) {
    tensor_offsets[t] = relative(tensor_arena_offset(static_cast<int32_t>(t)));
  }
  for (uint32_t i = 0; i < model_->num_operators(); ++i) {
    scratch_offsets[i] = relative(op_scratch_offset(i));
  }
  return BuildTimePlan{usage_.activation_bytes,
                       usage_.activation_lower_bound,
                       usage_.tensor_lower_bound,
                       model_->num_tensors(),
                       tensor_offsets,
                       model_->num_operators(),
                       scratch_offsets,
                       float16_weights_ ? &kFloat16WeightViews : nullptr};
}

}  // namespace strata
