// The planner's tables: what Prepare knows about every tensor and operator of a model while it
// plans the arena. Plain data, one meaning per field, arena-resident during Prepare (so the same
// 12/24-byte layout on every target: the host computes a firmware's arena size exactly).
//
// Steps: the operators in execution order with control flow expanded. Operator i runs at step
// first_step; an operator that runs subgraphs (IF, WHILE, CALL_ONCE) spans the steps of their
// operators too (first_step .. last_step), so everything planned inside them lives within its
// range.
#pragma once

#include <stdint.h>

namespace strata {
namespace planner {

constexpr uint16_t kNoTensor = 0xFFFF;
constexpr uint32_t kNoLocation = 0xFFFFFFFFu;
constexpr uint16_t kNoStep = 0xFFFF;  // TensorPlan::first of a tensor no step uses

// Where a tensor's data lives.
enum class Storage : uint8_t {
  kUnused = 0,  // no operator or graph input/output refers to it
  kConstant,    // model data (flash)
  kFolded,      // computed once at prepare into op data (a folded DEQUANTIZE): persistent, constant
  kPlanned,     // activation: placed by the planner by its lifetime
  kPersistent,  // variable tensor: its own persistent bytes, zeroed at Prepare and by
                // ResetVariables
  kAlias,       // shares the storage of tensor `root` (a reshape)
  kHalfView,    // a float16 constant `root` widened by an elided op (OpRequirements::
                // widens_half_constant): its readers take the float16 data; no storage of its own
};

struct TensorPlan {
  uint32_t location;  // arena offset of the data once known, else kNoLocation
  uint16_t root;      // the tensor whose storage it uses: itself unless an alias
  Storage storage;
  uint8_t pinned;  // 1: never overwritten in place (graph output, read after its last op)
  uint16_t first;  // kPlanned: the steps its data must be valid at
  uint16_t last;
};
static_assert(sizeof(TensorPlan) == 12, "TensorPlan must be 12 bytes on every target");

struct OpPlan {
  uint32_t op_data_bytes;  // aligned persistent op data of its kernel
  uint32_t scratch_bytes;  // aligned scratch the op needs while it runs (0: none)
  int32_t inplace_lead;    // bytes output 0 may start below input 0 when run in place; -1: never
  uint16_t in_root;        // storage of input 0 and output 0 (the in-place pair), or kNoTensor
  uint16_t out_root;
  uint16_t first_step;  // see the header comment
  uint16_t last_step;
  uint8_t subgraphs;        // bit s: the op runs subgraph s
  uint8_t scratch_overlay;  // 1: the scratch may start at or above in_root's offset, overlapping it
  uint8_t reserved[2];
};
static_assert(sizeof(OpPlan) == 24, "OpPlan must be 24 bytes on every target");

}  // namespace planner
}  // namespace strata
