#include "common/weighted_op.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {

Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, WeightedVariant* v) {
  const DataType in = ctx.input(0).type;
  const DataType w = ctx.input(1).type;
  if (in == DataType::kFloat32 && w == DataType::kFloat32) {
    *v = WeightedVariant::kFloat32;
  } else if (in == DataType::kInt8 && w == DataType::kInt8) {
    *v = WeightedVariant::kInt8;
  } else if (in == DataType::kFloat32 && w == DataType::kInt8) {
    *v = WeightedVariant::kHybrid;
  } else {
    return OpError(ctx, StatusCode::kUnsupported, "input %s with %s %s is not supported",
                   DataTypeName(in), weights_role, DataTypeName(w));
  }
  const DataType out = *v == WeightedVariant::kInt8 ? DataType::kInt8 : DataType::kFloat32;
  return check_type(ctx, ctx.output(0), "output", out);
}

Status select_weighted_invoke(const OpContext& ctx, const WeightedInvokers& fns, WeightedVariant v,
                              OpRequirements* req) {
  switch (v) {
    case WeightedVariant::kFloat32:
      req->invoke = fns.float32;
      return check_variant(ctx, req->invoke, "float32");
    case WeightedVariant::kInt8:
      req->invoke = fns.int8;
      return check_variant(ctx, req->invoke, "int8");
    case WeightedVariant::kHybrid:
      req->invoke = fns.hybrid;
      break;
  }
  return check_variant(ctx, req->invoke, "hybrid");
}

}  // namespace kernels
}  // namespace strata
