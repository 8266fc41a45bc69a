// SLICE: the box of the model's output shape starting at `begin` (input 1; `size`, input 2, must
// agree with the output shape). Both int32 or both int64. TFLM reads them at invoke, so they may
// be computed by the model: prepare checks constant ones exactly; at invoke each begin is clamped
// so the box stays inside the input. A strided gather (common/strided_copy.hpp): any element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace slice {
namespace {

struct SliceOpData {
  StridedCopy box;  // in_start 0: invoke adds the begin offsets
  int32_t in_dims[kMaxCopyDims];
  int32_t begin_is_int64;
  int32_t reserved;
};

int64_t index_at(const TensorView& t, int32_t i) {
  return t.type == DataType::kInt64 ? static_cast<const int64_t*>(t.data)[i]
                                    : static_cast<const int32_t*>(t.data)[i];
}

Status check_constant_slice(const OpContext& ctx, const TensorView& in, const TensorView& begin,
                            const TensorView& size, const TensorView& out) {
  for (int32_t i = 0; i < in.rank; ++i) {
    const int64_t b = index_at(begin, i);
    const int64_t s = index_at(size, i) == -1 ? in.dims[i] - b : index_at(size, i);
    if (b < 0 || b > in.dims[i] || s < 0 || s > in.dims[i] - b || s != out.dims[i]) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "dimension %d: begin %lld size %lld do not give the output's %d of %d",
                     static_cast<int>(i), static_cast<long long>(b),
                     static_cast<long long>(index_at(size, i)), static_cast<int>(out.dims[i]),
                     static_cast<int>(in.dims[i]));
    }
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<SliceOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 3, 3));
  const TensorView& in = ctx.input(0);
  const TensorView& begin = ctx.input(1);
  const TensorView& size = ctx.input(2);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  if (begin.type != DataType::kInt32 && begin.type != DataType::kInt64) {
    return OpError(ctx, StatusCode::kUnsupported, "begin is %s, expected int32 or int64",
                   DataTypeName(begin.type));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, size, "size", begin.type));
  if (in.rank < 1 || in.rank > kMaxCopyDims || out.rank != in.rank || begin.rank != 1 ||
      size.rank != 1 || begin.dims[0] != in.rank || size.dims[0] != in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs a rank 1..%d input, an output of that rank and begin/size of that "
                   "length",
                   static_cast<int>(kMaxCopyDims));
  }
  for (int32_t i = 0; i < in.rank; ++i) {
    if (out.dims[i] > in.dims[i]) {
      return OpError(ctx, StatusCode::kMalformedModel, "output dimension %d exceeds the input's",
                     static_cast<int>(i));
    }
  }
  if (begin.is_constant && size.is_constant && begin.data != nullptr && size.data != nullptr) {
    STRATA_RETURN_IF_ERROR(check_constant_slice(ctx, in, begin, size, out));
  }
  make_box(in.dims, out.dims, in.rank, &d->box);
  d->box.elem_bytes = DataTypeSize(in.type);
  for (int32_t i = 0; i < in.rank; ++i) d->in_dims[i] = in.dims[i];
  d->begin_is_int64 = begin.type == DataType::kInt64;
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, d->box, in.elements, out.elements);
}

void invoke_any(const OpCall& call) {
  const SliceOpData& d = call.data<SliceOpData>();
  StridedCopy p = d.box;
  p.in_start +=
      clamped_start(call.input(1), d.begin_is_int64 != 0, d.in_dims, p.count, p.in_stride, p.rank);
  strided_copy(p, call.input(0), call.output(0));
}

}  // namespace slice
}  // namespace reference
}  // namespace kernels
}  // namespace strata
