// Resource variables: VAR_HANDLE gives the handle of the variable its (container, shared_name)
// names, READ_VARIABLE copies the variable's value out, ASSIGN_VARIABLE copies a value in. A
// variable is a state block of the arena's variables area (GraphAccess::state, keyed by its id):
// zero until assigned, kept from one Invoke to the next, zeroed by ResetVariables(); as large as
// the largest value any operator reads or assigns.
#include <string.h>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct HandleOpData {
  int32_t id;
  int32_t reserved;
};

struct VariableOpData {
  ArenaPtr<void> variable;
  uint32_t bytes;
  uint32_t reserved;
};
static_assert(sizeof(VariableOpData) == 16, "arena-resident layout");

// The variable that input 0 (a handle) names; asks for its state block of `bytes`.
Status use_variable(const OpContext& ctx, uint32_t bytes, OpRequirements* req, VariableOpData* d,
                    bool in_arena) {
  const TensorView& handle = ctx.input(0);
  if (!handle.present() || handle.type != DataType::kResource) {
    return OpError(ctx, StatusCode::kMalformedModel, "input 0 must be a resource handle");
  }
  const int32_t id = ctx.graph != nullptr ? ctx.graph->resource_id(handle.index) : -1;
  if (id < 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "handle '%s' is not written by a VAR_HANDLE operator", handle.name);
  }
  req->state_key = id;
  req->state_bytes = bytes;
  req->variant = Variant::kAny;
  d->bytes = bytes;
  if (in_arena) {
    d->variable.bits = 0;
    d->variable.ptr = ctx.graph->state(ctx, id);
  }
  return Status::Ok();
}

}  // namespace

namespace var_handle {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<HandleOpData> d(req, op_data);
  if (ctx.num_inputs != 0 || ctx.num_outputs != 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "takes no inputs and gives one output");
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.output(0), "output", DataType::kResource));
  d->id = ctx.graph != nullptr ? ctx.graph->resource_id(ctx.output(0).index) : -1;
  if (d->id < 0) return OpError(ctx, StatusCode::kInternal, "no resource id for the handle");
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  *static_cast<int32_t*>(call.output(0)) = call.data<HandleOpData>().id;
}

}  // namespace var_handle

namespace read_variable {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<VariableOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  return use_variable(ctx, ctx.output(0).bytes, req, d.get(), d.in_arena());
}

void invoke_any(const OpCall& call) {
  const VariableOpData& d = call.data<VariableOpData>();
  memcpy(call.output(0), d.variable.ptr, d.bytes);
}

}  // namespace read_variable

namespace assign_variable {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<VariableOpData> d(req, op_data);
  if (ctx.num_inputs != 2 || ctx.num_outputs != 0 || !ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "takes a handle and a value, gives nothing");
  }
  return use_variable(ctx, ctx.input(1).bytes, req, d.get(), d.in_arena());
}

void invoke_any(const OpCall& call) {
  const VariableOpData& d = call.data<VariableOpData>();
  memcpy(d.variable.ptr, call.input(1), d.bytes);
}

}  // namespace assign_variable

}  // namespace reference
}  // namespace kernels
}  // namespace strata
