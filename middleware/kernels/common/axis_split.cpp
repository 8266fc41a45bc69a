#include "common/axis_split.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {

Status read_axis_split(const OpContext& ctx, int32_t* axis, AxisSplit* split) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& t = ctx.input(1);
  STRATA_RETURN_IF_ERROR(check_type(ctx, t, "axis", DataType::kInt32));
  if (!t.is_constant || t.data == nullptr || t.elements != 1) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "axis '%s' must be a constant tensor with one element", t.name);
  }
  if (in.rank < 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "input '%s' is a scalar, it has no axis",
                   in.name);
  }
  const int32_t value = *t.int32_data();
  const int32_t a = value < 0 ? value + in.rank : value;
  if (a < 0 || a >= in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                   static_cast<int>(value), static_cast<int>(in.rank));
  }
  // A zero dim elsewhere makes the tensor empty but not these products small: check them.
  CheckedSize outer(1);
  CheckedSize inner(1);
  for (int32_t i = 0; i < a; ++i) outer *= in.dims[i];
  for (int32_t i = a + 1; i < in.rank; ++i) inner *= in.dims[i];
  if (!outer.ok() || !inner.ok()) {
    return OpError(ctx, StatusCode::kUnsupported, "input '%s' is too large", in.name);
  }
  *axis = a;
  *split = {static_cast<int32_t>(outer.value()), in.dims[a], static_cast<int32_t>(inner.value())};
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
