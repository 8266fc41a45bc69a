// Checking a plan made elsewhere: the build-time plan a firmware carries (the generator planned
// the model on the host with this same code) is accepted only if it is safe for the model the
// device has just loaded and checked.
#pragma once

#include <stdint.h>

#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"
#include "strata/status.hpp"

namespace strata {
namespace planner {

// With the buffers' offsets set from the plan: every buffer lies inside `activation_bytes`, and
// no two buffers live at the same step share a byte, except an operator's in-place pair
// (CanRunInPlace) with the output at least the op's aligned lead below the input, and an
// operator's scratch overlaying its input 0 (CanOverlayScratch) at or above the input's offset.
Status CheckPlan(const TensorPlan* tensors, const OpPlan* ops, uint32_t num_ops,
                 const PlanBuffer* buffers, uint32_t num_buffers, uint32_t activation_bytes);

}  // namespace planner
}  // namespace strata
