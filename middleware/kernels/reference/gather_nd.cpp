// GATHER_ND: each row of the int32 indices (input 1, last dimension nd) addresses one slice
// params[i0, ..., i(nd-1), ...]; the output is indices.shape[:-1] + params.shape[nd:]. The
// indices are data: a row outside params gives a zero slice (TFLM fails the invoke). Slices are
// copied by size, so one kernel serves every type.
#include <cstring>

#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace gather_nd {
namespace {

struct GatherNdOpData {
  int32_t slices;        // index rows
  int32_t nd;            // indices per row
  uint32_t slice_bytes;  // bytes of one slice
  uint32_t elem_bytes;
  int32_t dims[kMaxCopyDims];     // the leading nd dims of params
  int32_t strides[kMaxCopyDims];  // their steps, in elements
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<GatherNdOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& params = ctx.input(0);
  const TensorView& idx = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", params.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, idx, "indices", DataType::kInt32));
  const int32_t nd = idx.rank >= 1 ? idx.dims[idx.rank - 1] : 0;
  if (params.rank < 1 || params.rank > kMaxCopyDims || idx.rank < 1 || nd > params.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs rank 1..%d params and indices rows of at most that many values",
                   static_cast<int>(kMaxCopyDims));
  }
  bool same = out.rank == idx.rank - 1 + params.rank - nd;
  for (int32_t i = 0, k = 0; same && i < idx.rank - 1; ++i) same = out.dims[k++] == idx.dims[i];
  for (int32_t i = nd, k = idx.rank - 1; same && i < params.rank; ++i) {
    same = out.dims[k++] == params.dims[i];
  }
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape is not indices.shape[:-1] + params.shape[%d:]",
                   static_cast<int>(nd));
  }
  d->elem_bytes = DataTypeSize(params.type);
  CheckedSize slice(d->elem_bytes);
  for (int32_t i = nd; i < params.rank; ++i) slice *= params.dims[i];
  STRATA_RETURN_IF_ERROR(require_size(ctx, slice, "a slice", &d->slice_bytes));
  int32_t strides[kMaxCopyDims];
  dense_strides(params.dims, params.rank, strides);
  for (int32_t i = 0; i < nd; ++i) {
    d->dims[i] = params.dims[i];
    d->strides[i] = strides[i];
  }
  d->nd = nd;
  d->slices = 1;
  for (int32_t i = 0; i < idx.rank - 1; ++i) d->slices *= idx.dims[i];
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const GatherNdOpData& d = call.data<GatherNdOpData>();
  const uint8_t* params = static_cast<const uint8_t*>(call.input(0));
  const int32_t* idx = static_cast<const int32_t*>(call.input(1));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  for (int32_t s = 0; s < d.slices; ++s, idx += d.nd, out += d.slice_bytes) {
    uint32_t from = 0;  // element offset of the slice
    bool inside = true;
    for (int32_t j = 0; j < d.nd; ++j) {
      inside = inside && idx[j] >= 0 && idx[j] < d.dims[j];
      from += static_cast<uint32_t>(idx[j]) * static_cast<uint32_t>(d.strides[j]);
    }
    if (inside) {
      std::memcpy(out, params + from * d.elem_bytes, d.slice_bytes);
    } else {
      std::memset(out, 0, d.slice_bytes);
    }
  }
}

}  // namespace gather_nd
}  // namespace reference
}  // namespace kernels
}  // namespace strata
