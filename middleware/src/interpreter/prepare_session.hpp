// Internal: Interpreter::Prepare, split in phases that each touch the arena in a known way.
//   CheckOps    resolve kernels, run every kernel's check(), write the OpCall record headers
//               (op data and scratch sizes are parked in the pointer slots as numbers)
//   AssignOpData give each op its op-data block after the records; persistent size is now final
//   Plan        lifetimes of activations + scratch, arena planner, the exact arena size
//   Bind        turn offsets into pointers, zero op data, run every kernel's prepare()
// Nothing in the arena is written past what the previous phases proved fits, and the arena size
// is known before any op data is written.
#pragma once

#include <stdint.h>

#include "interpreter/arena_layout.hpp"
#include "kernel.hpp"
#include "strata/interpreter.hpp"

namespace strata {

constexpr uint32_t kMaxOpInputs = 16;
constexpr uint32_t kMaxOpOutputs = 8;
// Parked in TensorRecord::location while the op-data offset of a folded constant is unknown.
constexpr uint32_t kFoldedPending = 0xFFFFFFFEu;

class PrepareSession {
 public:
  explicit PrepareSession(Interpreter& interpreter);
  Status Run();

 private:
  Status CheckArena();
  Status CheckOps();
  Status CheckOp(uint32_t op_index, OpCall* call);
  Status ApplyRequirements(const OpContext& ctx, const OpRequirements& req);
  Status ResolveKernel(uint32_t op_index, const Kernel** kernel) const;
  void BuildContext(uint32_t op_index, OpContext* ctx, TensorView* inputs, TensorView* outputs) const;
  void AssignOpData();
  Status Plan();
  uint32_t ComputeLifetimes();
  void Touch(int32_t tensor, uint32_t step);
  Status Bind();
  TensorView View(int32_t tensor) const;
  int32_t Root(int32_t tensor) const;
  bool IsConstant(int32_t tensor) const;
  OpCall* NextCall(OpCall* call) const;
  Status TooSmall(uint32_t needed, bool exact);

  Interpreter& in_;
  const Model& model_;
  uint8_t* arena_;
  uint32_t arena_bytes_;
  TensorRecord* tensors_ = nullptr;
  OpCall* calls_ = nullptr;
  uint32_t tensor_table_bytes_ = 0;
  uint32_t records_bytes_ = 0;
  uint32_t persistent_ = 0;
  bool bound_ = false;  // data pointers valid (Bind phase)
};

}  // namespace strata
