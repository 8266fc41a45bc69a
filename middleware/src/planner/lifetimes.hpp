// Lifetimes: the steps at which each planned tensor's data must be valid.
#pragma once

#include <stdint.h>

#include "planner/plan_tables.hpp"
#include "strata/model.hpp"
#include "strata/status.hpp"

namespace strata {
namespace planner {

// Sets first/last of every kPlanned tensor from the steps (AssignSteps) of the operators that
// read or write it, and `pinned` of the graph outputs. Graph inputs are valid from step 0, graph
// outputs until the last step; an operator that runs subgraphs keeps its own inputs and outputs
// and the subgraphs' inputs and outputs live over its whole range (it copies them in before and
// out after). Walking in step order, it fails when an operator reads a planned tensor nothing has
// written yet (it would read stale arena bytes), and when a graph output is never written.
Status MarkLifetimes(const Model& model, const OpPlan* ops, uint32_t num_steps,
                     TensorPlan* tensors);

}  // namespace planner
}  // namespace strata
