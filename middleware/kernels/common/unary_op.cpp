#include "common/unary_op.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {

Status unary_check(const OpContext& ctx, DataType in_type, DataType out_type, OpRequirements* req) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, in, "input", in_type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", out_type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  if (in_type == DataType::kInt8) STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, in, "input"));
  if (out_type == DataType::kInt8) {
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
  }
  req->op_data_bytes = sizeof(UnaryOpData);
  req->inplace_lead_bytes = static_cast<int32_t>(
      elementwise_inplace_lead(in.elements, DataTypeSize(in_type), DataTypeSize(out_type)));
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
