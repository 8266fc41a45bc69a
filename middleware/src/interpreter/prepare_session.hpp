// Internal: Interpreter::Prepare. The session resolves and checks every operator, hands the
// planner (src/planner) plain tables, places the arena from the plan, binds every pointer and runs
// the kernels' prepare with their op data. It writes the arena only; the Interpreter copies the
// PreparedGraph it returns.
//
//   Elide   a DEQUANTIZE of a float16 constant whose readers all take float16 weights becomes a
//           view of that constant (prepare_half_views.cpp)
//   Check   resolve each op's kernel, run its prepare() without op data, write its OpCall
//           record header at the head while the planning tables sit at the arena's tail (once
//           the records would reach the tables, only sizes are counted: the arena is too small
//           anyway, and the size to report is still computed)
//   Plan    lay out op data and variables after the records, move the tables onto that (still
//           unused) block, schedule steps, mark lifetimes, then place the activations: search a
//           plan, or check the build-time one. The exact arena size is now known.
//   Bind    fill the records' pointer slots, zero the op data block (the tables die) and the
//           variables, run every kernel's prepare() with its op data
#pragma once

#include <stdint.h>

#include "interpreter/arena_layout.hpp"
#include "kernel.hpp"
#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"
#include "strata/interpreter.hpp"

namespace strata {

// UNIDIRECTIONAL_SEQUENCE_LSTM has 24 inputs (TFLite schema order, unused ones -1).
constexpr uint32_t kMaxOpInputs = 24;
constexpr uint32_t kMaxOpOutputs = 8;

// What a successful Prepare leaves for the Interpreter.
struct PreparedGraph {
  ArenaUsage usage;  // also filled when the arena is too small
  const void* io = nullptr;
  const uint8_t* calls = nullptr;
  const uint8_t* subgraph_calls[kMaxSubgraphs] = {};
  uint8_t* variables = nullptr;
  uint32_t variables_bytes = 0;
};

class PrepareSession;

// The elision of float16 widenings (prepare_half_views.cpp), called through this pointer only.
struct Float16WeightViews {
  void (*elide)(PrepareSession& session);  // a plain function: cheaper to call than a member's
};

// The planner's search for a placement of the activations (Interpreter::Prepare without a plan),
// which always reads float16 weights in place where it can.
struct PlacementSearch {
  Status (PrepareSession::*place)(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work);
  const Float16WeightViews* float16_weights;
};

// State blocks (OpRequirements::state_key) one model may ask for.
constexpr uint32_t kMaxStateBlocks = 32;
// Float16 constants read in place by their DEQUANTIZE's consumers; past this many, the rest are
// folded (float32 copies in the arena) as before.
constexpr uint32_t kMaxHalfViews = 64;

class PrepareSession final : public GraphAccess {
 public:
  // Exactly one of plan (check it) and search (search a placement) is set.
  PrepareSession(const Model& model, const OpResolver& resolver, uint8_t* arena, size_t arena_bytes,
                 const BuildTimePlan* plan, const PlacementSearch* search,
                 const SubgraphRunner* runner);
  Status Run(PreparedGraph* out);
  // prepare_half_views.cpp: elided widenings of float16 constants (kFloat16WeightViews)
  void ElideHalfWidenings();

  static const PlacementSearch kSearch;  // PlaceActivations, with kFloat16WeightViews

  // GraphAccess (prepare_graph_access.cpp)
  uint32_t num_subgraphs() const override;
  uint32_t subgraph_num_inputs(uint32_t s) const override;
  uint32_t subgraph_num_outputs(uint32_t s) const override;
  TensorView subgraph_input(uint32_t s, uint32_t k) const override;
  TensorView subgraph_output(uint32_t s, uint32_t k) const override;
  int32_t resource_id(int32_t tensor) const override;
  void* state(const OpContext& ctx, int32_t state_key) const override;
  const SubgraphRunner* runner() const override { return runner_; }

 private:
  using TensorPlan = planner::TensorPlan;
  using OpPlan = planner::OpPlan;

  // prepare_session.cpp: check
  Status CheckArena();
  void ClassifyTensors();
  Status CheckOps();
  Status CheckOp(uint32_t op_index);
  Status ApplyRequirements(const OpContext& ctx, const OpRequirements& req);
  Status ResolveKernel(const OpContext& ctx, const Kernel** kernel, OpRequirements* req,
                       uint32_t* depth) const;
  Status KernelAtDepth(uint32_t op_index, uint32_t depth, const Kernel** kernel) const;
  // Views come from the planning tables, or from the call record's slots once they are filled.
  void BuildContext(uint32_t op_index, OpContext* ctx, TensorView* inputs, TensorView* outputs,
                    const OpCall* call = nullptr) const;
  Status TooSmall(uint64_t needed, bool exact);
  // prepare_half_views.cpp: the float16 views
  bool TakesHalfViews(uint32_t op_index) const;
  int32_t HalfRoot(int32_t tensor) const;  // the float16 constant a view shows, or -1
  void DropHalfView(int32_t tensor);
  void ViewAsHalf(int32_t tensor, TensorView* v) const;
  // prepare_graph_access.cpp: the state blocks' table
  Status RequestState(const OpContext& ctx, const OpRequirements& req);
  int32_t StateIndex(uint32_t op_index, int32_t state_key) const;
  // A subgraph input or output for a kernel's prepare: at step 2, when the planning tables are
  // gone, from the record's subgraph slots (arena_layout.hpp).
  TensorView SubgraphTensor(uint32_t s, uint32_t k, bool input) const;
  void FillSubgraphSlots(ArenaPtr<void>* slots) const;
  // prepare_plan.cpp: plan
  Status Plan();
  void LayOutPersistent();
  Status PlaceActivations(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work);
  Status TakeBuildTimePlan(PlanBuffer* buffers, uint32_t n);
  // prepare_bind.cpp: bind
  Status Bind(PreparedGraph* out);
  void FillSlots(PreparedGraph* out);
  void* TensorData(int32_t tensor) const;
  TensorView View(int32_t tensor) const;
  TensorView SlotView(int32_t tensor, const void* data) const;
  int32_t Root(int32_t tensor) const;
  bool IsConstant(int32_t tensor) const;

  const Model& model_;
  const OpResolver& resolver_;
  uint8_t* arena_;
  uint32_t arena_bytes_;
  const BuildTimePlan* plan_;
  const PlacementSearch* search_;
  const Float16WeightViews* float16_weights_;  // the search's or the plan's; nullptr: none
  const SubgraphRunner* runner_;
  ArenaUsage usage_;
  // State blocks: key (a resource id, or -2 - op index for a private block), size, location.
  int32_t state_keys_[kMaxStateBlocks] = {};
  uint32_t state_bytes_[kMaxStateBlocks] = {};
  uint32_t state_locations_[kMaxStateBlocks] = {};
  uint32_t num_states_ = 0;
  // Float16 views (Storage::kHalfView) and the constants they show; kept here, not in the
  // planning tables, because the readers' prepare step 2 runs after those are gone.
  uint16_t half_views_[kMaxHalfViews] = {};
  uint16_t half_roots_[kMaxHalfViews] = {};
  uint32_t num_half_views_ = 0;
  TensorPlan* tensors_ = nullptr;  // planning tables (temporary)
  OpPlan* ops_ = nullptr;
  uint32_t io_bytes_ = 0;
  uint32_t tables_bytes_ = 0;
  uint32_t records_end_ = 0;  // IO slots + call records; the op data block starts here
  uint32_t op_data_bytes_ = 0;
  uint32_t variables_bytes_ = 0;
  uint32_t persistent_ = 0;                // records_end_ + op data + variables
  PlanBuffer* scratch_buffers_ = nullptr;  // after planning: the scratch buffers, in op order
  bool dry_ = false;                       // records did not fit: only sizes are computed
  bool bound_ = false;                     // locations are final and pointers valid
  const OpCall* binding_ = nullptr;        // the record whose op prepare step 2 is running
};

}  // namespace strata
