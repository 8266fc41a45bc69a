#include "common/weighted_op.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {

Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, Variant* v) {
  const DataType in = ctx.input(0).type;
  const DataType w = ctx.input(1).type;
  if (in == DataType::kFloat32 && w == DataType::kFloat32) {
    *v = Variant::kFloat32;
  } else if (in == DataType::kInt8 && w == DataType::kInt8) {
    *v = Variant::kInt8;
  } else if (in == DataType::kFloat32 && w == DataType::kInt8) {
    *v = Variant::kHybrid;
  } else {
    return OpError(ctx, StatusCode::kUnsupported, "input %s with %s %s is not supported",
                   DataTypeName(in), weights_role, DataTypeName(w));
  }
  const DataType out = *v == Variant::kInt8 ? DataType::kInt8 : DataType::kFloat32;
  return check_type(ctx, ctx.output(0), "output", out);
}

}  // namespace kernels
}  // namespace strata
