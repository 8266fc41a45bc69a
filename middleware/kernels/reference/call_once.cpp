// CALL_ONCE: runs init_subgraph in the first Invoke only (typically the initial values of resource
// variables). Its "has run" flag is state: ResetVariables() clears it with the variables, so the
// next Invoke initializes them again.
#include "common/op_checks.hpp"
#include "common/subgraph_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace call_once {
namespace {

struct CallOnceOpData {
  ArenaPtr<const SubgraphRunner> runner;
  ArenaPtr<uint8_t> has_run;  // the operator's state block
  uint32_t subgraph;
  uint32_t reserved;
};
static_assert(sizeof(CallOnceOpData) == 24, "arena-resident layout");

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<CallOnceOpData> d(req, op_data);
  if (ctx.num_inputs != 0 || ctx.num_outputs != 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "takes no inputs and gives no outputs");
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_CallOnceOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "CallOnceOptions are missing");
  STRATA_RETURN_IF_ERROR(check_subgraph_index(ctx, o->init_subgraph_index(), "init_subgraph"));
  const uint32_t s = static_cast<uint32_t>(o->init_subgraph_index());
  if (ctx.graph->subgraph_num_inputs(s) != 0 || ctx.graph->subgraph_num_outputs(s) != 0) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "init subgraph %u must have no inputs and no outputs", static_cast<unsigned>(s));
  }
  d->subgraph = s;
  req->subgraphs = static_cast<uint8_t>(1u << s);
  req->state_bytes = 1;
  req->variant = Variant::kAny;
  if (d.in_arena()) {
    d->runner.bits = 0;
    d->runner.ptr = ctx.graph->runner();
    d->has_run.bits = 0;
    d->has_run.ptr = static_cast<uint8_t*>(ctx.graph->state(ctx, OpRequirements::kPrivateState));
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const CallOnceOpData& d = call.data<CallOnceOpData>();
  if (*d.has_run.ptr != 0) return;
  *d.has_run.ptr = 1;
  d.runner.ptr->RunSubgraph(d.subgraph);
}

}  // namespace call_once
}  // namespace reference
}  // namespace kernels
}  // namespace strata
