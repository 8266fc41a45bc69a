// DYNAMIC_UPDATE_SLICE: the operand (input 0) with the box at start_indices (input 2, int32 or
// int64, read at invoke) replaced by `update` (input 1). As in TFLM, each start index is clamped
// so the update lies inside the operand. Elements are copied by size (common/strided_copy.hpp),
// so one kernel serves every type; the output may take the operand's place.
#include <cstring>

#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace dynamic_update_slice {
namespace {

struct UpdateSliceOpData {
  StridedCopy update;  // update -> output at start 0: invoke adds the start offsets
  int32_t out_dims[kMaxCopyDims];
  uint32_t out_bytes;
  int32_t indices_int64;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<UpdateSliceOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 3, 3));
  const TensorView& in = ctx.input(0);
  const TensorView& update = ctx.input(1);
  const TensorView& start = ctx.input(2);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, update, "update", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  if (start.type != DataType::kInt32 && start.type != DataType::kInt64) {
    return OpError(ctx, StatusCode::kUnsupported, "start_indices are %s, expected int32 or int64",
                   DataTypeName(start.type));
  }
  bool fits = in.rank >= 1 && in.rank <= kMaxCopyDims && update.rank == in.rank &&
              out.rank == in.rank && start.rank == 1 && start.dims[0] == in.rank;
  for (int32_t i = 0; fits && i < in.rank; ++i) {
    fits = out.dims[i] == in.dims[i] && update.dims[i] <= in.dims[i];
  }
  if (!fits) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs a rank 1..%d operand, an output of its shape, an update no larger and "
                   "one start index per dimension",
                   static_cast<int>(kMaxCopyDims));
  }
  const int32_t zeros[kMaxCopyDims] = {};
  make_scatter(out.dims, zeros, update.dims, in.rank, &d->update);
  d->update.elem_bytes = DataTypeSize(in.type);
  for (int32_t i = 0; i < in.rank; ++i) d->out_dims[i] = out.dims[i];
  d->out_bytes = out.bytes;
  d->indices_int64 = start.type == DataType::kInt64;
  req->variant = Variant::kAny;
  req->inplace_lead_bytes = 0;  // the output may be the operand itself
  return check_strided_copy(ctx, d->update, update.elements, out.elements);
}

void invoke_any(const OpCall& call) {
  const UpdateSliceOpData& d = call.data<UpdateSliceOpData>();
  if (call.output(0) != call.input(0)) std::memcpy(call.output(0), call.input(0), d.out_bytes);
  StridedCopy p = d.update;
  p.out_start +=
      clamped_start(call.input(2), d.indices_int64 != 0, d.out_dims, p.count, p.out_stride, p.rank);
  strided_copy(p, call.input(1), call.output(0));
}

}  // namespace dynamic_update_slice
}  // namespace reference
}  // namespace kernels
}  // namespace strata
