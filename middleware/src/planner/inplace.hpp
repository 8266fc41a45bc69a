// In-place groups. When a kernel can run in place (OpPlan::inplace_lead >= 0) and its input 0 is
// dead after the op, its output 0 may sit `lead` bytes below the input, overlapping it. Tensors
// linked that way form a rigid group (fixed relative offsets, PlanBuffer::group and delta) whose
// members keep their own lifetimes, so the planner reserves only what is live.
//
// Which ops run in place is a choice: chains of in-place ops drift downwards by the sum of their
// leads, so merging everything can cost more than it saves. Candidates are tried in order of the
// live bytes at their step (the peak first): every prefix of that order, then each remaining one
// on its own, keeping the set with the fewest planned bytes. Only the kMaxInPlaceCandidates ops
// with the most live bytes are tried, which bounds the work on graphs of thousands of operators.
#pragma once

#include <stdint.h>

#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"

namespace strata {
namespace planner {

constexpr uint32_t kMaxInPlaceCandidates = 64;

// Bytes of `work` ChooseInPlace needs.
uint32_t InPlaceWorkBytes(uint32_t num_ops, uint32_t num_buffers, uint32_t num_steps);

// Sets the buffers' groups (FillBuffers order) to the best in-place choice found; returns the
// number of ops that run in place. `in_root`/`out_root` of an op that may run in place name its
// pair (the interpreter leaves kNoTensor where input 0's storage is another input too).
uint32_t ChooseInPlace(const TensorPlan* tensors, uint32_t num_tensors, const OpPlan* ops,
                       uint32_t num_ops, PlanBuffer* buffers, uint32_t num_buffers,
                       uint32_t num_steps, void* work);

// Whether op i may run in place given the lifetimes: its pair is planned, input 0 dies and output
// 0 is born at its step, input 0 is not pinned.
bool CanRunInPlace(const TensorPlan* tensors, const OpPlan& op);

}  // namespace planner
}  // namespace strata
