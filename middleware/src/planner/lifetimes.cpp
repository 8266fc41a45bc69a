// MarkLifetimes (see lifetimes.hpp).
#include "planner/lifetimes.hpp"

#include "strata/op_resolver.hpp"

namespace strata {
namespace planner {
namespace {

struct Marker {
  const Model& model;
  const OpPlan* ops;
  TensorPlan* tensors;

  TensorPlan* Planned(int32_t t) {
    if (t < 0) return nullptr;
    TensorPlan* r = &tensors[tensors[t].root];
    return r->storage == Storage::kPlanned ? r : nullptr;
  }

  void Touch(int32_t t, uint32_t from, uint32_t to) {
    TensorPlan* r = Planned(t);
    if (r == nullptr) return;
    if (r->first == kNoStep) {
      r->first = static_cast<uint16_t>(from);
      r->last = static_cast<uint16_t>(to);
      return;
    }
    if (from < r->first) r->first = static_cast<uint16_t>(from);
    if (to > r->last) r->last = static_cast<uint16_t>(to);
  }

  Status Read(uint32_t op, uint32_t k, int32_t t) {
    TensorPlan* r = Planned(t);
    if (r != nullptr && r->first == kNoStep) {
      return Status::Error(StatusCode::kMalformedModel,
                           "operator %u (%s): input %u (tensor %d %s) is not a graph input, a "
                           "constant or an earlier op's output",
                           static_cast<unsigned>(op), OpName(model.op_code(op)),
                           static_cast<unsigned>(k), static_cast<int>(t), model.tensor(t).name);
    }
    Touch(t, ops[op].first_step, ops[op].last_step);
    return Status::Ok();
  }

  // The operators of subgraph s in order; a subgraph an operator runs is walked right after it
  // starts, which is its steps' order.
  Status Walk(uint32_t s) {
    const uint32_t first = model.subgraph_first_op(s);
    for (uint32_t i = first; i < first + model.subgraph_num_ops(s); ++i) {
      const OpPlan& op = ops[i];
      for (uint32_t k = 0; k < model.op_num_inputs(i); ++k) {
        STRATA_RETURN_IF_ERROR(Read(i, k, model.op_input(i, k)));
      }
      for (uint32_t c = 0; c < model.num_subgraphs(); ++c) {
        if (!((op.subgraphs >> c) & 1u)) continue;
        for (uint32_t k = 0; k < model.subgraph_num_inputs(c); ++k) {
          Touch(model.subgraph_input(c, k), op.first_step, op.last_step);
        }
        STRATA_RETURN_IF_ERROR(Walk(c));
        for (uint32_t k = 0; k < model.subgraph_num_outputs(c); ++k) {
          Touch(model.subgraph_output(c, k), op.first_step, op.last_step);
        }
      }
      for (uint32_t k = 0; k < model.op_num_outputs(i); ++k) {
        Touch(model.op_output(i, k), op.first_step, op.last_step);
      }
    }
    return Status::Ok();
  }
};

}  // namespace

Status MarkLifetimes(const Model& model, const OpPlan* ops, uint32_t num_steps,
                     TensorPlan* tensors) {
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    tensors[t].first = kNoStep;
    tensors[t].last = kNoStep;
    tensors[t].pinned = 0;
  }
  const uint32_t last_step = num_steps > 0 ? num_steps - 1 : 0;
  Marker m{model, ops, tensors};
  // The caller writes the inputs before Invoke and reads the outputs after it.
  for (uint32_t k = 0; k < model.num_inputs(); ++k) m.Touch(model.input_tensor(k), 0, 0);
  // Subgraph 0 first; subgraphs no operator runs keep valid (if useless) lifetimes, their inputs
  // counted as written when they start.
  for (uint32_t s = 0; s < model.num_subgraphs(); ++s) {
    bool called = s == 0;
    for (uint32_t i = 0; i < model.num_operators() && !called; ++i) {
      called = ((ops[i].subgraphs >> s) & 1u) != 0;
    }
    if (called && s != 0) continue;
    if (s != 0) {
      const uint32_t start = model.subgraph_num_ops(s) > 0
                                 ? ops[model.subgraph_first_op(s)].first_step
                                 : last_step;
      for (uint32_t k = 0; k < model.subgraph_num_inputs(s); ++k) {
        m.Touch(model.subgraph_input(s, k), start, start);
      }
    }
    STRATA_RETURN_IF_ERROR(m.Walk(s));
  }
  for (uint32_t k = 0; k < model.num_outputs(); ++k) {
    const int32_t t = model.output_tensor(k);
    TensorPlan* r = m.Planned(t);
    if (r != nullptr && r->first == kNoStep) {
      return Status::Error(StatusCode::kMalformedModel,
                           "graph output %u (tensor %d %s) is not written by any operator",
                           static_cast<unsigned>(k), static_cast<int>(t), model.tensor(t).name);
    }
    m.Touch(t, last_step, last_step);
    tensors[tensors[t].root].pinned = 1;
  }
  return Status::Ok();
}

}  // namespace planner
}  // namespace strata
