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

Status unary_same_type_check(const OpContext& ctx, OpRequirements* req) {
  const bool is_int8 = ctx.input(0).type == DataType::kInt8;
  const DataType t = is_int8 ? DataType::kInt8 : DataType::kFloat32;
  STRATA_RETURN_IF_ERROR(unary_check(ctx, t, t, req));
  req->variant = is_int8 ? Variant::kInt8 : Variant::kFloat32;
  return Status::Ok();
}

Status check_fixed_int8_output(const OpContext& ctx, int32_t scale_inverse, int32_t zero_point) {
  const TensorView& out = ctx.output(0);
  if (out.type != DataType::kInt8) return Status::Ok();
  if (out.zero_point != zero_point || out.scale != 1.0f / static_cast<float>(scale_inverse)) {
    return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/%d, zp %d",
                   static_cast<int>(scale_inverse), static_cast<int>(zero_point));
  }
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
