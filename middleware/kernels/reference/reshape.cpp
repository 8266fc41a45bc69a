// RESHAPE: the output shares the input's bytes (the interpreter aliases them), so there is
// nothing to compute; the invoke function only exists for the case where the interpreter keeps
// separate buffers (it copies).
#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace reshape {
namespace {

struct ReshapeOpData {
  uint32_t bytes;
  uint32_t reserved;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ReshapeOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  if (in.bytes != out.bytes) {
    return OpError(ctx, StatusCode::kMalformedModel, "input and output byte sizes differ");
  }
  req->variant = Variant::kAny;
  req->output_aliases_input = true;
  d->bytes = in.bytes;
  return Status::Ok();
}

// Runs only where the interpreter cannot let the output share the input's memory.
void invoke_any(const OpCall& call) {
  const void* src = call.input(0);
  void* dst = call.output(0);
  if (src != dst) std::memmove(dst, src, call.data<ReshapeOpData>().bytes);
}

}  // namespace reshape

}  // namespace reference
}  // namespace kernels
}  // namespace strata
