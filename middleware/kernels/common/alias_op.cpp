#include "common/alias_op.hpp"

#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace {

struct AliasOpData {
  uint32_t bytes;
  uint32_t reserved;
};

}  // namespace

Status prepare_alias(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<AliasOpData> d(req, op_data);
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

void invoke_alias_copy(const OpCall& call) {
  const void* src = call.input(0);
  void* dst = call.output(0);
  if (src != dst) std::memmove(dst, src, call.data<AliasOpData>().bytes);
}

}  // namespace kernels
}  // namespace strata
