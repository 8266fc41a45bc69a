// GATHER: slices of the input along `axis` picked by int32 indices (input 1), with TFLite's
// batch_dims (the leading batch_dims dimensions of input and indices pair up). The indices are
// data: an index outside the axis gives a zero slice (TFLM fails the invoke). Slices are copied
// by size, so one kernel serves every type.
#include <cstring>

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace gather {
namespace {

struct GatherOpData {
  int32_t batches;  // product of the batch dimensions
  int32_t outer;    // product of the input dimensions between batch and axis
  int32_t axis_size;
  int32_t coords;        // indices per batch
  uint32_t slice_bytes;  // bytes after the axis
  uint32_t reserved;
};

// Output shape: input[:axis] + indices[batch_dims:] + input[axis + 1:].
bool output_shape_matches(const TensorView& in, const TensorView& idx, int32_t axis,
                          int32_t batch_dims, const TensorView& out) {
  if (out.rank != in.rank + idx.rank - 1 - batch_dims) return false;
  int32_t k = 0;
  bool same = true;
  for (int32_t i = 0; i < axis; ++i) same = same && out.dims[k++] == in.dims[i];
  for (int32_t i = batch_dims; i < idx.rank; ++i) same = same && out.dims[k++] == idx.dims[i];
  for (int32_t i = axis + 1; i < in.rank; ++i) same = same && out.dims[k++] == in.dims[i];
  return same;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<GatherOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& idx = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, idx, "indices", DataType::kInt32));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_GatherOptions() : nullptr;
  const int32_t raw_axis = o != nullptr ? o->axis() : 0;
  const int32_t raw_batch = o != nullptr ? o->batch_dims() : 0;
  const int32_t axis = raw_axis < 0 ? raw_axis + in.rank : raw_axis;
  const int32_t batch_dims = raw_batch < 0 ? raw_batch + idx.rank : raw_batch;
  if (axis < 0 || axis >= in.rank || batch_dims < 0 || batch_dims > axis || batch_dims > idx.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "axis %d and batch_dims %d do not fit a rank-%d input and rank-%d indices",
                   static_cast<int>(raw_axis), static_cast<int>(raw_batch),
                   static_cast<int>(in.rank), static_cast<int>(idx.rank));
  }
  for (int32_t i = 0; i < batch_dims; ++i) {
    if (in.dims[i] != idx.dims[i]) {
      return OpError(ctx, StatusCode::kMalformedModel, "batch dimension %d differs",
                     static_cast<int>(i));
    }
  }
  if (!output_shape_matches(in, idx, axis, batch_dims, out)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape is not input[:axis] + indices[batch_dims:] + input[axis+1:]");
  }
  CheckedSize slice(DataTypeSize(in.type));
  for (int32_t i = axis + 1; i < in.rank; ++i) slice *= in.dims[i];
  STRATA_RETURN_IF_ERROR(require_size(ctx, slice, "a slice", &d->slice_bytes));
  d->batches = 1;
  for (int32_t i = 0; i < batch_dims; ++i) d->batches *= in.dims[i];
  d->outer = 1;
  for (int32_t i = batch_dims; i < axis; ++i) d->outer *= in.dims[i];
  d->axis_size = in.dims[axis];
  d->coords = 1;
  for (int32_t i = batch_dims; i < idx.rank; ++i) d->coords *= idx.dims[i];
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const GatherOpData& d = call.data<GatherOpData>();
  const uint8_t* in = static_cast<const uint8_t*>(call.input(0));
  const int32_t* idx = static_cast<const int32_t*>(call.input(1));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  const uint32_t n = d.slice_bytes;
  for (int32_t b = 0; b < d.batches; ++b) {
    for (int32_t o = 0; o < d.outer; ++o) {
      const uint8_t* rows = in + static_cast<uint32_t>(b * d.outer + o) * d.axis_size * n;
      for (int32_t c = 0; c < d.coords; ++c, out += n) {
        const int32_t i = idx[b * d.coords + c];
        if (i >= 0 && i < d.axis_size) {
          std::memcpy(out, rows + static_cast<uint32_t>(i) * n, n);
        } else {
          std::memset(out, 0, n);
        }
      }
    }
  }
}

}  // namespace gather
}  // namespace reference
}  // namespace kernels
}  // namespace strata
