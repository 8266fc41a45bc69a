// SPACE_TO_DEPTH and DEPTH_TO_SPACE on NHWC tensors, each other's inverse: each block x block tile
// of the space side is one pixel of the depth side, its pixels in row-major order along the
// channels: depth[n, y, x, (by * b + bx) * C + c] = space[n, y * b + by, x * b + bx, c]. Either way
// a 6-D strided gather (common/strided_copy.hpp), so one kernel serves every element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace {

Status depth_space_prepare(const OpContext& ctx, bool to_depth, int32_t b, OpRequirements* req,
                           void* op_data) {
  OpDataRef<StridedCopy> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  Dims4 space{};
  Dims4 depth{};
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, to_depth ? in : out, "space side", &space));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, to_depth ? out : in, "depth side", &depth));
  const CheckedSize tile = CheckedSize(b) * b;
  const bool fits = b >= 1 && tile.ok() && space.n == depth.n &&
                    int64_t{space.h} == int64_t{depth.h} * b &&
                    int64_t{space.w} == int64_t{depth.w} * b &&
                    int64_t{depth.c} == int64_t{space.c} * tile.value();
  if (!fits) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "block_size %d does not turn [%d,%d,%d,%d] into [%d,%d,%d,%d]",
                   static_cast<int>(b), static_cast<int>(in.dim(0)), static_cast<int>(in.dim(1)),
                   static_cast<int>(in.dim(2)), static_cast<int>(in.dim(3)),
                   static_cast<int>(out.dim(0)), static_cast<int>(out.dim(1)),
                   static_cast<int>(out.dim(2)), static_cast<int>(out.dim(3)));
  }
  const int32_t c = space.c;
  if (to_depth) {  // output order (n, y, x, by, bx, c) over the space-side input
    const int32_t count[6] = {depth.n, depth.h, depth.w, b, b, c};
    const int32_t step[6] = {space.h * space.w * c, b * space.w * c, b * c, space.w * c, c, 1};
    make_gather(count, step, 0, 6, d.get());
  } else {  // output order (n, y, by, x, bx, c) over the depth-side input
    const int32_t count[6] = {depth.n, depth.h, b, depth.w, b, c};
    const int32_t step[6] = {depth.h * depth.w * depth.c, depth.w * depth.c, b * c, depth.c, c, 1};
    make_gather(count, step, 0, 6, d.get());
  }
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, *d, in.elements, out.elements);
}

}  // namespace

namespace space_to_depth {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SpaceToDepthOptions() : nullptr;
  return depth_space_prepare(ctx, true, o != nullptr ? o->block_size() : 0, req, op_data);
}

void invoke_any(const OpCall& call) { invoke_strided_copy(call); }

}  // namespace space_to_depth

namespace depth_to_space {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_DepthToSpaceOptions() : nullptr;
  return depth_space_prepare(ctx, false, o != nullptr ? o->block_size() : 0, req, op_data);
}

void invoke_any(const OpCall& call) { invoke_strided_copy(call); }

}  // namespace depth_to_space
}  // namespace reference
}  // namespace kernels
}  // namespace strata
