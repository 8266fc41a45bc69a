// AssignSteps (see schedule.hpp).
#include "planner/schedule.hpp"

namespace strata {
namespace planner {
namespace {

struct Scheduler {
  const Model& model;
  OpPlan* ops;
  uint32_t step;
  uint32_t visited;  // bit s: subgraph s has steps
  uint32_t active;   // bit s: subgraph s is being scheduled (its caller's range is open)

  Status Visit(uint32_t s) {
    if ((active >> s) & 1u) {
      return Status::Error(StatusCode::kUnsupported, "subgraph %u runs itself (recursion)",
                           static_cast<unsigned>(s));
    }
    if ((visited >> s) & 1u) {
      return Status::Error(StatusCode::kUnsupported,
                           "subgraph %u is run by more than one operator",
                           static_cast<unsigned>(s));
    }
    visited |= 1u << s;
    active |= 1u << s;
    const uint32_t first = model.subgraph_first_op(s);
    for (uint32_t i = first; i < first + model.subgraph_num_ops(s); ++i) {
      if (step >= 0xFFFF) {
        return Status::Error(StatusCode::kUnsupported, "more than 65535 operator steps");
      }
      ops[i].first_step = static_cast<uint16_t>(step++);
      for (uint32_t c = 0; c < model.num_subgraphs(); ++c) {
        if ((ops[i].subgraphs >> c) & 1u) STRATA_RETURN_IF_ERROR(Visit(c));
      }
      ops[i].last_step = static_cast<uint16_t>(step - 1);
    }
    active &= ~(1u << s);
    return Status::Ok();
  }
};

}  // namespace

Status AssignSteps(const Model& model, OpPlan* ops, uint32_t* num_steps) {
  Scheduler s{model, ops, 0, 0, 0};
  for (uint32_t g = 0; g < model.num_subgraphs(); ++g) {
    if (!((s.visited >> g) & 1u)) STRATA_RETURN_IF_ERROR(s.Visit(g));
  }
  *num_steps = s.step;
  return Status::Ok();
}

}  // namespace planner
}  // namespace strata
