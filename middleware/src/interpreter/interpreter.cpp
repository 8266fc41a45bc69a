// Interpreter: construction and the Invoke loops (see strata/interpreter.hpp). What runs once at
// startup or for tools (Prepare, tensor and op lookups) is in interpreter_lookup.cpp, built for
// size; this file keeps the build's optimization level.
#include "strata/interpreter.hpp"

#include <string.h>

#include "interpreter/arena_layout.hpp"

namespace strata {

Interpreter::Interpreter(const Model& model, const OpResolver& resolver, uint8_t* arena,
                         size_t arena_bytes)
    : model_(&model), resolver_(&resolver), arena_(arena), arena_bytes_(arena_bytes) {}

void Interpreter::ResetVariables() {
  if (variables_ != nullptr) memset(variables_, 0, variables_bytes_);
}

Status Interpreter::Invoke() {
  if (!prepared_) return Status::Error(StatusCode::kNotReady, "Invoke before a successful Prepare");
  if (profiler_ != nullptr) {
    RunCallsProfiled(calls_, 0, num_calls_);
  } else {
    RunCalls(calls_, num_calls_);
  }
  if (failure_ != nullptr) {  // cleared here, so the next Invoke starts without it
    const char* message = failure_;
    failure_ = nullptr;
    return Status::Error(StatusCode::kUnsupported, "%s", message);
  }
  return Status::Ok();
}

// Called by control-flow kernels only, for subgraphs their prepare() checked exist.
void Interpreter::RunSubgraph(uint32_t s) const {
  if (s >= model_->num_subgraphs()) return;
  if (profiler_ != nullptr) {
    RunCallsProfiled(subgraph_calls_[s], model_->subgraph_first_op(s), model_->subgraph_num_ops(s));
  } else {
    RunCalls(subgraph_calls_[s], model_->subgraph_num_ops(s));
  }
}

void Interpreter::RunCalls(const uint8_t* p, uint32_t count) const {
  for (uint32_t i = count; i != 0; --i) {
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    if (call.invoke.fn != nullptr) call.invoke.fn(call);
    p += call.stride_words * 8u;
  }
}

// Each op's event counts the op alone: what the subgraphs it ran (IF, WHILE, CALL_ONCE) counted
// is taken out of its own figure, so the per-op counts add up to the Invoke's. nested_ carries a
// subgraph run's total to the op that ran it; nothing but the kernel runs between the two reads of
// the counter.
void Interpreter::RunCallsProfiled(const uint8_t* p, uint32_t first_op, uint32_t count) const {
  const CycleCounter& counter = profiler_->counter();
  const uint64_t before = nested_;  // earlier subgraph runs of the op that runs this one
  uint64_t total = 0;
  for (uint32_t i = first_op; i < first_op + count; ++i) {  // one record per op, in model order
    const OpCall& call = *reinterpret_cast<const OpCall*>(p);
    p += call.stride_words * 8u;
    if (call.invoke.fn == nullptr) continue;
    const char* name = OpName(model_->op_code(i));
    profiler_->BeginOp(i, name);
    nested_ = 0;
    const uint64_t start = counter.now();
    call.invoke.fn(call);
    const uint64_t end = counter.now();
    profiler_->EndOp(i, name, end - start - nested_);
    total += end - start;
  }
  nested_ = before + total;
}

}  // namespace strata
