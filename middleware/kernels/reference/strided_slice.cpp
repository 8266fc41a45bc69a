// STRIDED_SLICE: along each axis, every stride-th element from begin towards end (constant int32
// inputs 1..3, as TFLM requires), with TFLite's begin/end masks, negative indices, clamping and
// shrink_axis_mask (the axis keeps one element and leaves the output shape); `offset` makes end
// relative to begin. Ellipsis and new-axis masks are refused (TFLM ignores them). A strided gather
// (common/strided_copy.hpp): any element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace strided_slice {
namespace {

int32_t clamp(int64_t v, int32_t lo, int32_t hi) {
  return static_cast<int32_t>(v < lo ? lo : v > hi ? hi : v);
}

// TFLite's start index for an axis: in [0, size] going forwards, [-1, size - 1] backwards.
int32_t axis_start(int32_t begin, int32_t size, int32_t stride, bool masked) {
  if (masked) return stride > 0 ? 0 : size - 1;
  const int64_t b = begin < 0 ? int64_t{begin} + size : begin;
  return stride > 0 ? clamp(b, 0, size) : clamp(b, -1, size - 1);
}

// The end index (exclusive) likewise.
int32_t axis_stop(int32_t end, int32_t start, int32_t size, int32_t stride, bool masked,
                  bool offset) {
  if (masked) return stride > 0 ? size : -1;
  int64_t e = offset ? int64_t{end} + start : end;
  if (e < 0) e += size;
  return stride > 0 ? clamp(e, 0, size) : clamp(e, -1, size - 1);
}

// Elements visited from start while short of stop.
int32_t axis_count(int32_t start, int32_t stop, int32_t stride) {
  const int64_t span = stride > 0 ? int64_t{stop} - start : int64_t{start} - stop;
  const int64_t step = stride > 0 ? stride : -int64_t{stride};
  return span > 0 ? static_cast<int32_t>((span + step - 1) / step) : 0;
}

Status check_index_input(const OpContext& ctx, const TensorView& t, const char* role,
                         int32_t rank) {
  STRATA_RETURN_IF_ERROR(check_type(ctx, t, role, DataType::kInt32));
  if (!t.is_constant || t.data == nullptr || t.rank != 1 || t.dims[0] != rank) {
    return OpError(ctx, StatusCode::kUnsupported, "%s must be constant with %d values", role,
                   static_cast<int>(rank));
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<StridedCopy> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 4, 4));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  if (in.rank < 1 || in.rank > kMaxCopyDims) {
    return OpError(ctx, StatusCode::kUnsupported, "input rank %d is not 1..%d",
                   static_cast<int>(in.rank), static_cast<int>(kMaxCopyDims));
  }
  STRATA_RETURN_IF_ERROR(check_index_input(ctx, ctx.input(1), "begin", in.rank));
  STRATA_RETURN_IF_ERROR(check_index_input(ctx, ctx.input(2), "end", in.rank));
  STRATA_RETURN_IF_ERROR(check_index_input(ctx, ctx.input(3), "strides", in.rank));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_StridedSliceOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing options");
  if (o->ellipsis_mask() != 0 || o->new_axis_mask() != 0) {
    return OpError(ctx, StatusCode::kUnsupported, "ellipsis_mask and new_axis_mask must be 0");
  }
  const int32_t* begin = ctx.input(1).int32_data();
  const int32_t* end = ctx.input(2).int32_data();
  const int32_t* strides = ctx.input(3).int32_data();
  int32_t start[kMaxCopyDims];
  int32_t step[kMaxCopyDims];
  int32_t count[kMaxCopyDims];
  int32_t kept = 0;  // output dimensions matched so far
  for (int32_t a = 0; a < in.rank; ++a) {
    const uint32_t bit = 1u << a;
    const int32_t size = in.dims[a];
    if (strides[a] == 0) {
      return OpError(ctx, StatusCode::kMalformedModel, "stride %d is 0", static_cast<int>(a));
    }
    start[a] = axis_start(begin[a], size, strides[a], (o->begin_mask() & bit) != 0);
    if ((o->shrink_axis_mask() & bit) != 0) {
      if (start[a] < 0 || start[a] >= size) {
        return OpError(ctx, StatusCode::kMalformedModel,
                       "shrunk axis %d: index %d is outside its %d elements", static_cast<int>(a),
                       static_cast<int>(begin[a]), static_cast<int>(size));
      }
      step[a] = 1;
      count[a] = 1;
      continue;
    }
    step[a] = strides[a];
    count[a] = axis_count(
        start[a],
        axis_stop(end[a], start[a], size, strides[a], (o->end_mask() & bit) != 0, o->offset()),
        strides[a]);
    if (kept >= out.rank || out.dims[kept] != count[a]) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "axis %d yields %d elements, the output does not match", static_cast<int>(a),
                     static_cast<int>(count[a]));
    }
    ++kept;
  }
  if (kept != out.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "output rank %d, the slice has %d",
                   static_cast<int>(out.rank), static_cast<int>(kept));
  }
  for (int32_t a = 0; a < in.rank; ++a) {
    if (count[a] == 0) start[a] = 0;  // an empty box: keep the offsets in range
  }
  make_slice(in.dims, start, step, count, in.rank, d.get());
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, *d, in.elements, out.elements);
}

void invoke_any(const OpCall& call) { invoke_strided_copy(call); }

}  // namespace strided_slice
}  // namespace reference
}  // namespace kernels
}  // namespace strata
