// DEPTH_TO_SPACE: the inverse of SPACE_TO_DEPTH: out[n, y * b + by, x * b + bx, c] =
// in[n, y, x, (by * b + bx) * C' + c] with C' = C / (b * b). A 6-D strided gather
// (common/strided_copy.hpp): any element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace depth_to_space {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<StridedCopy> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_DepthToSpaceOptions() : nullptr;
  const int32_t b = o != nullptr ? o->block_size() : 0;
  Dims4 i{};
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, in, "input", &i));
  const CheckedSize tile = CheckedSize(b) * b;
  if (b < 1 || !tile.ok() || i.c % static_cast<int32_t>(tile.value()) != 0) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "block_size %d must be >= 1 with its square dividing the input depth %d",
                   static_cast<int>(b), static_cast<int>(i.c));
  }
  const int32_t depth = i.c / static_cast<int32_t>(tile.value());
  const CheckedSize h = CheckedSize(i.h) * b;
  const CheckedSize w = CheckedSize(i.w) * b;
  if (!h.ok() || !w.ok()) return OpError(ctx, StatusCode::kMalformedModel, "output is too large");
  STRATA_RETURN_IF_ERROR(check_dims4(
      ctx, out, "output",
      {i.n, static_cast<int32_t>(h.value()), static_cast<int32_t>(w.value()), depth}));
  // Output order (n, y, by, x, bx, c); the input steps of each.
  const int32_t count[6] = {i.n, i.h, b, i.w, b, depth};
  const int32_t step[6] = {i.h * i.w * i.c, i.w * i.c, b * depth, i.c, depth, 1};
  make_gather(count, step, 0, 6, d.get());
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, *d, in.elements, out.elements);
}

void invoke_any(const OpCall& call) {
  strided_copy(call.data<StridedCopy>(), call.input(0), call.output(0));
}

}  // namespace depth_to_space
}  // namespace reference
}  // namespace kernels
}  // namespace strata
