// SPLIT_V: input 0 cut along the constant axis (input 2, as TFLM requires) into pieces of the
// outputs' sizes; constant size_splits (input 1, one entry may be -1) must agree with them. The
// copy is SPLIT's (reference/split.hpp).
#include "common/op_checks.hpp"
#include "reference/split.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace split_v {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  if (ctx.num_inputs != 3 || !ctx.input(0).present() || !ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects inputs input, size_splits, axis");
  }
  const TensorView& in = ctx.input(0);
  const TensorView& sizes = ctx.input(1);
  int32_t axis = 0;
  STRATA_RETURN_IF_ERROR(constant_axis(ctx, ctx.input(2), in.rank, &axis));
  STRATA_RETURN_IF_ERROR(split_prepare(ctx, 0, axis, false, req, op_data));
  if (sizes.is_constant && sizes.data != nullptr) {
    bool same = sizes.type == DataType::kInt32 && sizes.elements == ctx.num_outputs;
    for (uint32_t k = 0; same && k < ctx.num_outputs; ++k) {
      const int32_t s = sizes.int32_data()[k];
      same = s == -1 || s == ctx.output(k).dims[axis];
    }
    if (!same) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "size_splits does not match the outputs' sizes along axis %d",
                     static_cast<int>(axis));
    }
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) { split_invoke(call, 0); }

}  // namespace split_v
}  // namespace reference
}  // namespace kernels
}  // namespace strata
