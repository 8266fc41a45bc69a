// Internal: Interpreter::Prepare, split in phases that each touch the arena in a known way.
//   CheckOps  resolve kernels, run every kernel's prepare() without op data, write OpCall record
//             headers at the head
//             while the planning tables sit at the arena's tail (records stop being written, but
//             sizes are still counted, once the head would reach the tables)
//   Plan      give op data its place, move the tables onto the (still unused) op data block,
//             compute lifetimes, choose in-place groups, run the planner: the exact arena size is
//             now known
//   Bind      fill pointer slots, then zero the op data block (the tables die) and run every
//             kernel's prepare()
// Op data is only written once the whole plan is known to fit.
#pragma once

#include <stdint.h>

#include "interpreter/arena_layout.hpp"
#include "kernel.hpp"
#include "planner/arena_planner.hpp"
#include "strata/interpreter.hpp"

namespace strata {

// UNIDIRECTIONAL_SEQUENCE_LSTM has 24 inputs (TFLite schema order, unused ones -1).
constexpr uint32_t kMaxOpInputs = 24;
constexpr uint32_t kMaxOpOutputs = 8;
// Marks a folded constant in TensorPlan::a until AssignOpData knows its op data offset.
constexpr uint32_t kFoldedPending = 0xFFFFFFFEu;

class PrepareSession {
 public:
  explicit PrepareSession(Interpreter& interpreter);
  Status Run();

 private:
  // prepare_session.cpp
  Status CheckArena();
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
  // prepare_plan.cpp
  void AssignOpData();
  Status Plan();
  Status ComputeLifetimes();
  void Touch(int32_t tensor, uint32_t step);
  uint32_t FillPlanBuffers(PlanBuffer* bufs, bool grouped);
  void StoreLocations(const PlanBuffer* bufs);
  // prepare_group.cpp
  void GroupInPlace(PlanBuffer* bufs, uint16_t* work);
  void RankCandidates(PlanBuffer* bufs);
  int32_t NextCandidate(uint32_t after_bytes, int32_t after_op) const;
  uint32_t ApplySelection(PlanBuffer* bufs, uint16_t* work);
  void ResetGroups();
  int64_t GroupPosition(int32_t tensor) const;
  bool CanRunInPlace(uint32_t op, int32_t* in, int32_t* out) const;
  bool MergeGroups(int32_t in, int32_t out, int64_t lead);
  // prepare_bind.cpp
  Status Bind();
  void FillSlots();
  void* TensorData(int32_t tensor) const;
  TensorView View(int32_t tensor) const;
  TensorView SlotView(int32_t tensor, const void* data) const;
  int32_t Root(int32_t tensor) const;
  bool IsConstant(int32_t tensor) const;
  uint32_t NumSlots(const OpCall& call, uint32_t op) const;

  Interpreter& in_;
  const Model& model_;
  uint8_t* arena_;
  uint32_t arena_bytes_;
  TensorPlan* tensors_ = nullptr;  // planning tables (temporary)
  OpPlan* ops_ = nullptr;
  uint32_t io_bytes_ = 0;
  uint32_t tables_bytes_ = 0;
  uint32_t records_end_ = 0;  // IO slots + call records; the op data block starts here
  uint32_t op_data_bytes_ = 0;
  uint32_t persistent_ = 0;  // records_end_ + op_data_bytes_
  bool dry_ = false;         // records did not fit: only sizes are computed
  bool bound_ = false;       // TensorPlan::a holds arena offsets and pointers are valid
};

}  // namespace strata
