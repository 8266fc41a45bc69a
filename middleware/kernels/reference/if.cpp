// IF: runs then_subgraph when its bool condition (input 0) is true, else_subgraph otherwise. The
// other inputs are copied into the branch's inputs, the branch's outputs into the operator's
// outputs, as TensorFlow Lite does; each branch's tensors are planned inside the operator's step.
#include "common/op_checks.hpp"
#include "common/subgraph_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace if_op {
namespace {

struct IfOpData {
  ArenaPtr<const SubgraphRunner> runner;
  uint32_t branch[2];   // [0]: else_subgraph, [1]: then_subgraph
  uint32_t num_inputs;  // values passed in (the operator's inputs after the condition)
  uint32_t num_outputs;
  // Followed by TensorCopy in[2][num_inputs] and out[2][num_outputs], per branch as `branch`.
};
static_assert(sizeof(IfOpData) == 24, "arena-resident layout");

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<IfOpData> d(req, op_data);
  if (ctx.num_inputs < 1) return OpError(ctx, StatusCode::kMalformedModel, "no condition input");
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(0), "condition", DataType::kBool));
  if (ctx.input(0).elements != 1) {
    return OpError(ctx, StatusCode::kUnsupported, "condition '%s' must hold one value",
                   ctx.input(0).name);
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_IfOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "IfOptions are missing");
  STRATA_RETURN_IF_ERROR(check_subgraph_index(ctx, o->else_subgraph_index(), "else_subgraph"));
  STRATA_RETURN_IF_ERROR(check_subgraph_index(ctx, o->then_subgraph_index(), "then_subgraph"));
  d->branch[0] = static_cast<uint32_t>(o->else_subgraph_index());
  d->branch[1] = static_cast<uint32_t>(o->then_subgraph_index());
  d->num_inputs = ctx.num_inputs - 1;
  d->num_outputs = ctx.num_outputs;
  const uint32_t per_branch = d->num_inputs + d->num_outputs;
  req->op_data_bytes += 2 * per_branch * static_cast<uint32_t>(sizeof(TensorCopy));
  req->subgraphs = static_cast<uint8_t>((1u << d->branch[0]) | (1u << d->branch[1]));
  req->variant = Variant::kAny;
  TensorCopy* copies = d.in_arena() ? reinterpret_cast<TensorCopy*>(d.get() + 1) : nullptr;
  for (uint32_t b = 0; b < 2; ++b) {
    const uint32_t s = d->branch[b];
    if (ctx.graph->subgraph_num_inputs(s) != d->num_inputs ||
        ctx.graph->subgraph_num_outputs(s) != d->num_outputs) {
      return OpError(
          ctx, StatusCode::kMalformedModel,
          "subgraph %u has %u inputs and %u outputs, the operator passes %u and takes %u",
          static_cast<unsigned>(s), static_cast<unsigned>(ctx.graph->subgraph_num_inputs(s)),
          static_cast<unsigned>(ctx.graph->subgraph_num_outputs(s)),
          static_cast<unsigned>(d->num_inputs), static_cast<unsigned>(d->num_outputs));
    }
    TensorCopy* in = copies != nullptr ? copies + b * d->num_inputs : nullptr;
    TensorCopy* out = copies != nullptr ? copies + 2 * d->num_inputs + b * d->num_outputs : nullptr;
    for (uint32_t k = 0; k < d->num_inputs; ++k) {
      STRATA_RETURN_IF_ERROR(plan_copy(ctx, ctx.input(k + 1), ctx.graph->subgraph_input(s, k),
                                       "input", k + 1, in != nullptr ? in + k : nullptr));
    }
    for (uint32_t k = 0; k < d->num_outputs; ++k) {
      STRATA_RETURN_IF_ERROR(plan_copy(ctx, ctx.graph->subgraph_output(s, k), ctx.output(k),
                                       "output", k, out != nullptr ? out + k : nullptr));
    }
  }
  if (d.in_arena()) {
    d->runner.bits = 0;
    d->runner.ptr = ctx.graph->runner();
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const IfOpData& d = call.data<IfOpData>();
  const uint32_t b = *static_cast<const uint8_t*>(call.input(0)) != 0 ? 1 : 0;
  const TensorCopy* copies = reinterpret_cast<const TensorCopy*>(&d + 1);
  run_copies(copies + b * d.num_inputs, d.num_inputs);
  d.runner.ptr->RunSubgraph(d.branch[b]);
  run_copies(copies + 2 * d.num_inputs + b * d.num_outputs, d.num_outputs);
}

}  // namespace if_op
}  // namespace reference
}  // namespace kernels
}  // namespace strata
