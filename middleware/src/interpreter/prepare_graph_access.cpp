// PrepareSession as the kernels' GraphAccess: subgraph tensors, resource ids and the operators'
// state blocks (see kernel.hpp).
#include <string.h>

#include "interpreter/prepare_session.hpp"
#include "tflite_generated.h"

namespace strata {
namespace {

constexpr int32_t kVarHandle = tflite::BuiltinOperator_VAR_HANDLE;

bool SameString(const flatbuffers::String* a, const flatbuffers::String* b) {
  const char* x = a != nullptr ? a->c_str() : "";
  const char* y = b != nullptr ? b->c_str() : "";
  return strcmp(x, y) == 0;
}

// VAR_HANDLE ops name the same variable when container and shared_name are equal.
bool SameVariable(const tflite::Operator* a, const tflite::Operator* b) {
  const tflite::VarHandleOptions* x = a->builtin_options_as_VarHandleOptions();
  const tflite::VarHandleOptions* y = b->builtin_options_as_VarHandleOptions();
  if (x == nullptr || y == nullptr) return x == y;
  return SameString(x->container(), y->container()) &&
         SameString(x->shared_name(), y->shared_name());
}

}  // namespace

uint32_t PrepareSession::num_subgraphs() const { return model_.num_subgraphs(); }

uint32_t PrepareSession::subgraph_num_inputs(uint32_t s) const {
  return s < model_.num_subgraphs() ? model_.subgraph_num_inputs(s) : 0;
}

uint32_t PrepareSession::subgraph_num_outputs(uint32_t s) const {
  return s < model_.num_subgraphs() ? model_.subgraph_num_outputs(s) : 0;
}

TensorView PrepareSession::subgraph_input(uint32_t s, uint32_t k) const {
  if (s == 0 || k >= subgraph_num_inputs(s)) return TensorView{};
  return SubgraphTensor(s, k, true);
}

TensorView PrepareSession::subgraph_output(uint32_t s, uint32_t k) const {
  if (s == 0 || k >= subgraph_num_outputs(s)) return TensorView{};
  return SubgraphTensor(s, k, false);
}

void PrepareSession::FillSubgraphSlots(ArenaPtr<void>* slots) const {
  for (uint32_t s = 1; s < model_.num_subgraphs(); ++s) {
    for (uint32_t k = 0; k < model_.subgraph_num_inputs(s); ++k, ++slots) {
      slots->bits = 0;
      slots->ptr = TensorData(model_.subgraph_input(s, k));
    }
    for (uint32_t k = 0; k < model_.subgraph_num_outputs(s); ++k, ++slots) {
      slots->bits = 0;
      slots->ptr = TensorData(model_.subgraph_output(s, k));
    }
  }
}

// Before Bind: from the planning tables (data of constants only). During Bind: from the
// subgraph slots at the end of the record being prepared.
TensorView PrepareSession::SubgraphTensor(uint32_t s, uint32_t k, bool input) const {
  const int32_t t = input ? model_.subgraph_input(s, k) : model_.subgraph_output(s, k);
  if (!bound_) return View(t);
  TensorView v = model_.tensor(t);
  v.data = nullptr;
  if (binding_ == nullptr || t < 0) return v;
  const ArenaPtr<void>* slots = SubgraphSlots(*binding_, model_);
  if (slots == nullptr) return v;  // an operator without subgraph slots
  uint32_t slot = 0;
  for (uint32_t j = 1; j < s; ++j) {
    slot += model_.subgraph_num_inputs(j) + model_.subgraph_num_outputs(j);
  }
  slot += input ? k : model_.subgraph_num_inputs(s) + k;
  v.data = slots[slot].ptr;
  return v;
}

// Ids in order of the first VAR_HANDLE naming each variable, over every subgraph.
int32_t PrepareSession::resource_id(int32_t tensor) const {
  if (tensor < 0) return -1;
  const tflite::Operator* handle = nullptr;
  for (uint32_t i = 0; i < model_.num_operators() && handle == nullptr; ++i) {
    if (model_.op_code(i) == kVarHandle && model_.op_num_outputs(i) == 1 &&
        model_.op_output(i, 0) == tensor) {
      handle = model_.op(i);
    }
  }
  if (handle == nullptr) return -1;
  int32_t id = 0;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (model_.op_code(i) != kVarHandle) continue;
    const tflite::Operator* op = model_.op(i);
    if (SameVariable(op, handle)) return id;
    bool seen = false;  // a variable an earlier VAR_HANDLE already named has its id
    for (uint32_t j = 0; j < i && !seen; ++j) {
      seen = model_.op_code(j) == kVarHandle && SameVariable(model_.op(j), op);
    }
    if (!seen) ++id;
  }
  return -1;
}

int32_t PrepareSession::StateIndex(uint32_t op_index, int32_t state_key) const {
  const int32_t key = state_key >= 0 ? state_key : -2 - static_cast<int32_t>(op_index);
  for (uint32_t k = 0; k < num_states_; ++k) {
    if (state_keys_[k] == key) return static_cast<int32_t>(k);
  }
  return -1;
}

Status PrepareSession::RequestState(const OpContext& ctx, const OpRequirements& req) {
  if (req.state_bytes == 0) return Status::Ok();
  if (req.state_key < OpRequirements::kPrivateState || req.state_bytes > 0x7FFFFFF0u) {
    return OpError(ctx, StatusCode::kInternal, "kernel asks for an invalid state block");
  }
  int32_t k = StateIndex(ctx.op_index, req.state_key);
  if (k < 0) {
    if (num_states_ == kMaxStateBlocks) {
      return OpError(ctx, StatusCode::kUnsupported, "more than %u state blocks in one model",
                     static_cast<unsigned>(kMaxStateBlocks));
    }
    k = static_cast<int32_t>(num_states_++);
    state_keys_[k] = req.state_key >= 0 ? req.state_key : -2 - static_cast<int32_t>(ctx.op_index);
    state_bytes_[k] = 0;
  }
  const uint32_t bytes = AlignUp(req.state_bytes);
  if (bytes > state_bytes_[k]) state_bytes_[k] = bytes;
  return Status::Ok();
}

void* PrepareSession::state(const OpContext& ctx, int32_t state_key) const {
  const int32_t k = StateIndex(ctx.op_index, state_key);
  if (k < 0 || !bound_) return nullptr;
  return arena_ + state_locations_[k];
}

}  // namespace strata
