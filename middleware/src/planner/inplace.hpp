// In-place groups. When a kernel can run in place (OpPlan::inplace_lead >= 0) and its input 0 is
// dead after the op, its output 0 may sit `lead` bytes below the input, overlapping it. Tensors
// linked that way form a rigid group (fixed relative offsets, PlanBuffer::group and delta) whose
// members keep their own lifetimes, so the planner reserves only what is live.
//
// Scratch overlays: when a kernel's scratch may overlap its input 0 (OpPlan::scratch_overlay) and
// the input dies at the op, the scratch may start at the input's offset, in the input's group
// (MergeGroups with lead 0), so it costs only the bytes by which it outgrows the input.
//
// Which merges to make is a choice: chains of in-place ops drift downwards by the sum of their
// leads, and a rigid input+scratch pair can force a later buffer higher than a free-floating
// scratch would, so merging everything can cost more than it saves. Candidates (an op in place,
// an op's scratch overlay) are tried in order of the live bytes at their step (the peak first):
// every prefix of that order, then each remaining one on its own, keeping the set with the fewest
// planned bytes. Only the kMaxInPlaceCandidates candidates with the most live bytes are tried,
// which bounds the work on graphs of thousands of operators.
#pragma once

#include <stdint.h>

#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"

namespace strata {
namespace planner {

constexpr uint32_t kMaxInPlaceCandidates = 64;

// Bytes of `work` ChooseInPlace needs.
uint32_t InPlaceWorkBytes(const OpPlan* ops, uint32_t num_ops, uint32_t num_buffers,
                          uint32_t num_steps);

// Sets the buffers' groups (FillBuffers order) to the best choice of in-place ops and scratch
// overlays found; returns the number of merges chosen. `in_root`/`out_root` of an op that may run
// in place name its pair (the interpreter leaves kNoTensor where input 0's storage is another input
// too).
uint32_t ChooseInPlace(const TensorPlan* tensors, uint32_t num_tensors, const OpPlan* ops,
                       uint32_t num_ops, PlanBuffer* buffers, uint32_t num_buffers,
                       uint32_t num_steps, void* work);

// Whether op i may run in place given the lifetimes: its pair is planned, input 0 dies and output
// 0 is born at its step, input 0 is not pinned.
bool CanRunInPlace(const TensorPlan* tensors, const OpPlan& op);

// Whether op i's scratch may overlap its input 0 (at or above the input's offset) given the
// lifetimes: the kernel allows it, the op runs at a single step, input 0 is planned, dies at that
// step and is not pinned.
bool CanOverlayScratch(const TensorPlan* tensors, const OpPlan& op);

// Whether op i's scratch may overlap its input 0 (at or above the input's offset) given the
// lifetimes: the kernel allows it, the op runs at a single step, input 0 is planned, dies at that
// step and is not pinned.
bool CanOverlayScratch(const TensorPlan* tensors, const OpPlan& op);

}  // namespace planner
}  // namespace strata
