// SPACE_TO_DEPTH: each block_size x block_size tile of an NHWC input becomes one output pixel
// whose channels are the tile's pixels in row-major order: out[n, y, x, (by * b + bx) * C + c] =
// in[n, y * b + by, x * b + bx, c]. A 6-D strided gather (common/strided_copy.hpp): any type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace space_to_depth {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<StridedCopy> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SpaceToDepthOptions() : nullptr;
  const int32_t b = o != nullptr ? o->block_size() : 0;
  Dims4 i{};
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, in, "input", &i));
  if (b < 1 || i.h % b != 0 || i.w % b != 0) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "block_size %d must be >= 1 and divide the input's %dx%d", static_cast<int>(b),
                   static_cast<int>(i.h), static_cast<int>(i.w));
  }
  const CheckedSize depth = CheckedSize(i.c) * b * b;
  if (!depth.ok()) return OpError(ctx, StatusCode::kMalformedModel, "output depth is too large");
  STRATA_RETURN_IF_ERROR(check_dims4(
      ctx, out, "output", {i.n, i.h / b, i.w / b, static_cast<int32_t>(depth.value())}));
  // Output order (n, y, x, by, bx, c); the input steps of each.
  const int32_t count[6] = {i.n, i.h / b, i.w / b, b, b, i.c};
  const int32_t step[6] = {i.h * i.w * i.c, b * i.w * i.c, b * i.c, i.w * i.c, i.c, 1};
  make_gather(count, step, 0, 6, d.get());
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, *d, in.elements, out.elements);
}

void invoke_any(const OpCall& call) {
  strided_copy(call.data<StridedCopy>(), call.input(0), call.output(0));
}

}  // namespace space_to_depth
}  // namespace reference
}  // namespace kernels
}  // namespace strata
