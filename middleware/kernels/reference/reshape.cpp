// RESHAPE: the output shares the input's bytes (the interpreter aliases them), so there is
// nothing to compute; the invoke function only exists for the case where the interpreter keeps
// separate buffers (it copies).
#include <cstring>

#include "common/op_checks.hpp"
#include "reference/registry.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct ReshapeOpData {
  uint32_t bytes;
  uint32_t reserved;
};

void invoke_copy(const OpCall& call) {
  const void* src = call.input(0);
  void* dst = call.output(0);
  if (src != dst) std::memmove(dst, src, call.data<ReshapeOpData>().bytes);
}

Status check(const OpContext& ctx, OpRequirements* req) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  if (in.bytes != out.bytes) {
    return OpError(ctx, StatusCode::kMalformedModel, "input and output byte sizes differ");
  }
  req->invoke = invoke_copy;
  req->op_data_bytes = sizeof(ReshapeOpData);
  req->output_aliases_input = true;
  return Status::Ok();
}

Status prepare(const OpContext& ctx, void* op_data) {
  static_cast<ReshapeOpData*>(op_data)->bytes = ctx.input(0).bytes;
  return Status::Ok();
}

}  // namespace

extern const Kernel kReshape = {check, prepare};

}  // namespace reference
}  // namespace kernels
}  // namespace strata
