// Interpreter: runs one Model with kernels from an OpResolver inside one caller-provided arena.
//
//   Interpreter interp(model, resolver, arena, sizeof(arena));
//   Status s = interp.Prepare();  // resolve kernels, check ops, plan the arena, precompute op data
//   memcpy(interp.input(0).data, ...);
//   s = interp.Invoke();          // a loop of function calls over pre-resolved pointers
//
// No heap: persistent data (one call record per op holding its data pointers, kernel op data,
// constants folded at prepare, variable tensors) sits at the start of the arena, planned
// activations and scratch after it. Invoke may overwrite the inputs (their memory is reused once
// they are consumed, as in TensorFlow Lite Micro): write them before every Invoke. Everything
// placed in the arena has the same size on 64-bit hosts and 32-bit MCUs, so the arena size a host
// tool computes is exactly what the firmware needs. The Interpreter object itself is small and
// lives wherever the caller puts it.
//
// Planning: Prepare() searches a placement for every activation (src/planner). A firmware does not
// need to: the build planned the same model with this code on the host, and Prepare(plan) checks
// that plan against the model instead (fast, and the search code is not linked).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/model.hpp"
#include "strata/op_resolver.hpp"
#include "strata/profiler.hpp"
#include "strata/status.hpp"
#include "strata/subgraph_runner.hpp"
#include "strata/tensor.hpp"

namespace strata {

// Reading float16 weights in place (eliding the DEQUANTIZE that widens a float16 constant, see
// src/interpreter/prepare_half_views.cpp): internal, reached only through this object so that a
// firmware whose model has no float16 weights does not link that code.
struct Float16WeightViews;
extern const Float16WeightViews kFloat16WeightViews;

// A placement of the activations computed at build time (strata-run --plan, which the model
// generator embeds in firmware): arena offsets relative to the start of the activations.
struct BuildTimePlan {
  uint32_t activation_bytes;
  uint32_t activation_lower_bound;
  uint32_t tensor_lower_bound;
  uint32_t num_tensors;
  const uint32_t* tensor_offsets;  // per tensor; 0xFFFFFFFF for tensors not placed there
  uint32_t num_ops;
  const uint32_t* scratch_offsets;  // per operator; 0xFFFFFFFF for operators without scratch
  // &kFloat16WeightViews when the plan was made reading float16 weights in place where it can
  // (Prepare() does; the model generator sets it only when some operator runs a float16 variant,
  // the only case it changes); nullptr: Prepare(plan) folds every DEQUANTIZE, and a firmware does
  // not link the float16 views.
  const Float16WeightViews* float16_weights;
};

struct ArenaUsage {
  uint32_t total_bytes = 0;  // what the arena must hold: persistent + max(activations, planner)
  // What the same model needs when prepared with a build-time plan (a firmware): checking a plan
  // takes less temporary memory than searching one.
  uint32_t total_bytes_with_plan = 0;
  uint32_t persistent_bytes = 0;  // head: op call records, op data, variable tensors
  uint32_t activation_bytes = 0;  // tail: planned activations and scratch buffers
  // Max over op steps of the live planned buffers (aligned). Tensors that run in place share one
  // buffer, so this can be below tensor_lower_bound; activation_bytes >= activation_lower_bound.
  uint32_t activation_lower_bound = 0;
  uint32_t tensor_lower_bound = 0;  // the same bound with every tensor in its own buffer
  uint32_t lower_bound = 0;         // persistent_bytes + activation_lower_bound
  uint32_t scratch_bytes = 0;       // largest scratch buffer of any op (part of activations)
  uint32_t planner_bytes = 0;       // temporary planning memory (overlaps the activations)
};

struct PlacementSearch;  // internal (src/interpreter/prepare_session.hpp)

class Interpreter final : private SubgraphRunner {
 public:
  Interpreter(const Model& model, const OpResolver& resolver, uint8_t* arena, size_t arena_bytes);
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Resolves and checks every op, plans the arena and runs the kernels' prepare. On
  // kArenaTooSmall, arena_usage().total_bytes holds the bytes needed.
  Status Prepare();
  // The same with the placement computed at build time: the plan is checked against the model (a
  // plan for another model, or an unsafe one, is refused with kInvalidArgument), not searched.
  Status Prepare(const BuildTimePlan& plan);
  // Zeroes every variable tensor and resource variable (they also start at zero after Prepare and
  // keep their values from one Invoke to the next); CALL_ONCE runs its subgraph again.
  void ResetVariables();
  // Runs the graph on the current inputs. Ops run in model order. Fails only when an operator
  // says so at run time (a WHILE loop past its iteration limit).
  Status Invoke();
  // Per-operator events on the next Invokes; nullptr switches profiling off (the default).
  void set_profiler(Profiler* profiler) { profiler_ = profiler; }

  bool prepared() const { return prepared_; }
  const Model& model() const { return *model_; }
  const ArenaUsage& arena_usage() const { return usage_; }

  uint32_t num_inputs() const { return model_->num_inputs(); }
  uint32_t num_outputs() const { return model_->num_outputs(); }
  TensorView input(uint32_t i) const;  // data is valid once prepared
  TensorView output(uint32_t i) const;
  TensorView tensor(int32_t index) const;
  // Offset of the tensor's data in the arena, or -1 (model constant, unused tensor). Looks through
  // the call records: meant for tools, not for hot paths.
  int64_t tensor_arena_offset(int32_t index) const;
  // Offset of op i's scratch in the arena, or -1 when it has none.
  int64_t op_scratch_offset(uint32_t i) const;
  // This interpreter's placement as a build-time plan, offsets written to the caller's arrays of
  // model().num_tensors() and num_operators() entries (what strata-run --plan exports).
  BuildTimePlan ExportPlan(uint32_t* tensor_offsets, uint32_t* scratch_offsets) const;
  // Whether op i runs at Invoke (false for reshapes aliased to their input and folded constants).
  bool op_is_invoked(uint32_t i) const;
  // The variant of op i's kernel (int8, float32, ...) and the position in the resolver chain of
  // the resolver that provided it (0: the one passed in, 1: its fallback, ...).
  Variant op_variant(uint32_t i) const;
  uint32_t op_resolver_depth(uint32_t i) const;

  // Runs subgraph s's operators once (what IF, WHILE and CALL_ONCE do; Invoke runs subgraph 0).
  void RunSubgraph(uint32_t s) const override;

 private:
  void FailInvoke(const char* message) const override { failure_ = message; }
  // The placement search is passed in by Prepare() only, so a firmware that calls
  // Prepare(plan) alone does not link it; the float16 views likewise come with the search or the
  // plan.
  Status PrepareWith(const BuildTimePlan* plan, const PlacementSearch* search);
  void* TensorData(int32_t index) const;
  const struct OpCall* Call(uint32_t i) const;
  void RunCalls(const uint8_t* calls, uint32_t count) const;
  void RunCallsProfiled(const uint8_t* calls, uint32_t first_op, uint32_t count) const;

  const Model* model_;
  const OpResolver* resolver_;
  uint8_t* arena_;
  size_t arena_bytes_;
  Profiler* profiler_ = nullptr;
  // Data of the first graph inputs/outputs (others are looked up in the call records).
  static constexpr uint32_t kCachedIo = 4;
  void* input_cache_[kCachedIo] = {};
  void* output_cache_[kCachedIo] = {};
  const void* io_ = nullptr;        // ArenaPtr<void> per graph input/output that no op references
  const uint8_t* calls_ = nullptr;  // first OpCall record (every subgraph's, subgraph 0 first)
  uint32_t num_calls_ = 0;          // records of subgraph 0 (what Invoke runs)
  const uint8_t* subgraph_calls_[kMaxSubgraphs] = {};  // each subgraph's first record
  uint8_t* variables_ = nullptr;                       // the variable tensors' persistent bytes
  uint32_t variables_bytes_ = 0;
  bool prepared_ = false;
  bool float16_weights_ = false;  // prepared with the float16 views (what ExportPlan passes on)
  mutable const char* failure_ = nullptr;  // set by FailInvoke during an Invoke
  mutable uint64_t nested_ = 0;            // profiled Invoke: what the subgraphs an op ran counted
  ArenaUsage usage_;
};

}  // namespace strata
