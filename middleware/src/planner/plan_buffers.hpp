// The planner's buffers (arena_planner.hpp) for a model: one per planned tensor that some step
// uses, in tensor order, then one per operator scratch, in operator order. A build-time plan lists
// their offsets in this order.
#pragma once

#include <stdint.h>

#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"
#include "strata/model.hpp"

namespace strata {
namespace planner {

// Whether tensor t gets a buffer: planned storage, its own root, used at some step.
inline bool HasBuffer(const TensorPlan* tensors, uint32_t t) {
  return tensors[t].storage == Storage::kPlanned && tensors[t].root == t &&
         tensors[t].first != kNoStep;
}

uint32_t CountBuffers(const TensorPlan* tensors, uint32_t num_tensors, const OpPlan* ops,
                      uint32_t num_ops);

// Fills `buffers` (CountBuffers entries): sizes (the model's, aligned), lifetimes, each buffer its
// own group (key: the tensor, or num_tensors + the operator for a scratch); offsets unset.
void FillBuffers(const Model& model, const TensorPlan* tensors, const OpPlan* ops,
                 PlanBuffer* buffers);

// The index of tensor t's buffer (HasBuffer(t)): the number of buffers of tensors before it.
uint32_t BufferOf(const TensorPlan* tensors, uint32_t t);

}  // namespace planner
}  // namespace strata
