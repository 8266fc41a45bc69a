// WHILE: runs cond_subgraph on the loop values and, while its bool output is true, body_subgraph,
// whose outputs become the next values; the operator's outputs are the last values. The copies are
// TensorFlow Lite's: inputs to the condition and to the outputs, then per iteration outputs to the
// body, body results to the outputs, outputs to the condition. A loop still running after
// kMaxWhileIterations bodies stops and fails the Invoke.
#include "common/op_checks.hpp"
#include "common/subgraph_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace while_op {
namespace {

struct WhileOpData {
  ArenaPtr<const SubgraphRunner> runner;
  ArenaPtr<const void> condition;  // cond_subgraph's bool output
  uint32_t cond_subgraph;
  uint32_t body_subgraph;
  uint32_t count;  // loop values: inputs = outputs = each subgraph's inputs
  uint32_t reserved;
  // Followed by TensorCopy[5][count]: the copy lists of enum Copies.
};
static_assert(sizeof(WhileOpData) == 32, "arena-resident layout");

enum Copies : uint32_t {
  kInputsToCond,
  kInputsToOutputs,
  kOutputsToBody,
  kBodyToOutputs,
  kOutputsToCond,
  kNumCopyLists
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<WhileOpData> d(req, op_data);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_WhileOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "WhileOptions are missing");
  STRATA_RETURN_IF_ERROR(check_subgraph_index(ctx, o->cond_subgraph_index(), "cond_subgraph"));
  STRATA_RETURN_IF_ERROR(check_subgraph_index(ctx, o->body_subgraph_index(), "body_subgraph"));
  const uint32_t cond = static_cast<uint32_t>(o->cond_subgraph_index());
  const uint32_t body = static_cast<uint32_t>(o->body_subgraph_index());
  const uint32_t n = ctx.num_inputs;
  const GraphAccess& g = *ctx.graph;
  if (ctx.num_outputs != n || g.subgraph_num_inputs(cond) != n ||
      g.subgraph_num_inputs(body) != n || g.subgraph_num_outputs(body) != n ||
      g.subgraph_num_outputs(cond) != 1) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "%u inputs, %u outputs: the condition (subgraph %u) must take as many and give "
                   "one, the body (subgraph %u) take and give as many",
                   static_cast<unsigned>(n), static_cast<unsigned>(ctx.num_outputs),
                   static_cast<unsigned>(cond), static_cast<unsigned>(body));
  }
  const TensorView condition = g.subgraph_output(cond, 0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, condition, "condition", DataType::kBool));
  d->cond_subgraph = cond;
  d->body_subgraph = body;
  d->count = n;
  req->op_data_bytes += kNumCopyLists * n * static_cast<uint32_t>(sizeof(TensorCopy));
  req->subgraphs = static_cast<uint8_t>((1u << cond) | (1u << body));
  req->variant = Variant::kAny;
  TensorCopy* c = d.in_arena() ? reinterpret_cast<TensorCopy*>(d.get() + 1) : nullptr;
  auto at = [&](Copies list, uint32_t k) { return c != nullptr ? c + list * n + k : nullptr; };
  for (uint32_t k = 0; k < n; ++k) {
    const TensorView in = ctx.input(k);
    const TensorView out = ctx.output(k);
    STRATA_RETURN_IF_ERROR(
        plan_copy(ctx, in, g.subgraph_input(cond, k), "input", k, at(kInputsToCond, k)));
    STRATA_RETURN_IF_ERROR(plan_copy(ctx, in, out, "input", k, at(kInputsToOutputs, k)));
    STRATA_RETURN_IF_ERROR(
        plan_copy(ctx, out, g.subgraph_input(body, k), "output", k, at(kOutputsToBody, k)));
    STRATA_RETURN_IF_ERROR(
        plan_copy(ctx, g.subgraph_output(body, k), out, "output", k, at(kBodyToOutputs, k)));
    STRATA_RETURN_IF_ERROR(
        plan_copy(ctx, out, g.subgraph_input(cond, k), "output", k, at(kOutputsToCond, k)));
  }
  if (d.in_arena()) {
    d->runner.bits = 0;
    d->runner.ptr = g.runner();
    d->condition.bits = 0;
    d->condition.ptr = condition.data;
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const WhileOpData& d = call.data<WhileOpData>();
  const TensorCopy* c = reinterpret_cast<const TensorCopy*>(&d + 1);
  const uint32_t n = d.count;
  const uint8_t* condition = static_cast<const uint8_t*>(d.condition.ptr);
  run_copies(c + kInputsToCond * n, n);
  d.runner.ptr->RunSubgraph(d.cond_subgraph);
  run_copies(c + kInputsToOutputs * n, n);
  for (uint32_t i = 0; *condition != 0; ++i) {
    if (i == kMaxWhileIterations) {
      d.runner.ptr->FailInvoke(
          "WHILE: the loop ran its iteration limit (STRATA_WHILE_MAX_ITERATIONS) without ending");
      return;
    }
    run_copies(c + kOutputsToBody * n, n);
    d.runner.ptr->RunSubgraph(d.body_subgraph);
    run_copies(c + kBodyToOutputs * n, n);
    run_copies(c + kOutputsToCond * n, n);
    d.runner.ptr->RunSubgraph(d.cond_subgraph);
  }
}

}  // namespace while_op
}  // namespace reference
}  // namespace kernels
}  // namespace strata
