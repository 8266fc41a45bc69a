// The steps of a model's operators (see plan_tables.hpp): execution order with control flow
// expanded, the clock every lifetime is measured in.
#pragma once

#include <stdint.h>

#include "planner/plan_tables.hpp"
#include "strata/model.hpp"
#include "strata/status.hpp"

namespace strata {
namespace planner {

// Fills first_step/last_step of every operator from their `subgraphs` bits: subgraph 0's operators
// in order, the operators of the subgraphs an operator runs right after its own step (in subgraph
// order), then the subgraphs no operator runs (their operators never run but keep valid steps).
// Fails when a subgraph is run by more than one operator, or (indirectly) by itself.
Status AssignSteps(const Model& model, OpPlan* ops, uint32_t* num_steps);

}  // namespace planner
}  // namespace strata
