// EXPAND_DIMS: inserts a size-1 dimension at the constant `axis` (input 1; negative counts from
// the end of the output); the output aliases the input (common/alias_op.hpp).
#include "common/alias_op.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace expand_dims {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& axis = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, axis, "axis", DataType::kInt32));
  if (!axis.is_constant || axis.data == nullptr || axis.elements != 1) {
    return OpError(ctx, StatusCode::kUnsupported, "axis must be one constant value");
  }
  const int32_t raw = axis.int32_data()[0];
  const int32_t at = raw < 0 ? raw + in.rank + 1 : raw;
  if (at < 0 || at > in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                   static_cast<int>(raw), static_cast<int>(in.rank));
  }
  bool same = out.rank == in.rank + 1;
  for (int32_t d = 0; same && d < out.rank; ++d) {
    const int32_t want = d < at ? in.dims[d] : d == at ? 1 : in.dims[d - 1];
    same = out.dims[d] == want;
  }
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape is not the input's with a 1 inserted at %d", static_cast<int>(at));
  }
  return prepare_alias(ctx, req, op_data);
}

void invoke_any(const OpCall& call) { invoke_alias_copy(call); }

}  // namespace expand_dims
}  // namespace reference
}  // namespace kernels
}  // namespace strata
