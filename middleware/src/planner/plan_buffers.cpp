// The planner's buffer list (see plan_buffers.hpp).
#include "planner/plan_buffers.hpp"

namespace strata {
namespace planner {
namespace {

uint32_t Align8(uint32_t v) { return (v + 7u) & ~7u; }

}  // namespace

uint32_t CountBuffers(const TensorPlan* tensors, uint32_t num_tensors, const OpPlan* ops,
                      uint32_t num_ops) {
  uint32_t n = 0;
  for (uint32_t t = 0; t < num_tensors; ++t) n += HasBuffer(tensors, t) ? 1 : 0;
  for (uint32_t i = 0; i < num_ops; ++i) n += ops[i].scratch_bytes != 0 ? 1 : 0;
  return n;
}

void FillBuffers(const Model& model, const TensorPlan* tensors, const OpPlan* ops,
                 PlanBuffer* buffers) {
  uint32_t b = 0;
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    if (!HasBuffer(tensors, t)) continue;
    buffers[b++] = PlanBuffer{Align8(model.tensor_bytes(static_cast<int32_t>(t))), 0, 0, t,
                              tensors[t].first, tensors[t].last};
  }
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    if (ops[i].scratch_bytes == 0) continue;
    buffers[b++] = PlanBuffer{ops[i].scratch_bytes, 0, 0, model.num_tensors() + i,
                              ops[i].first_step, ops[i].last_step};
  }
}

uint32_t BufferOf(const TensorPlan* tensors, uint32_t t) {
  uint32_t b = 0;
  for (uint32_t u = 0; u < t; ++u) b += HasBuffer(tensors, u) ? 1 : 0;
  return b;
}

}  // namespace planner
}  // namespace strata
