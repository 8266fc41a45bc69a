// REVERSE_V2: reverses the input along each axis listed in input 1 (int32; negative counts from
// the end). TFLM reads the axes at invoke, so they may be computed by the model: invoke applies
// them to the identity copy kept in the op data, ignoring out-of-range values (prepare rejects
// them when the axes are constant). A strided gather (common/strided_copy.hpp): any element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace reverse_v2 {
namespace {

struct ReverseOpData {
  StridedCopy identity;  // the input copied unchanged
  int32_t num_axes;
  int32_t reserved;
};

// Walks axis `a` of the copy backwards, once (a repeated axis is reversed once).
void reverse_axis(StridedCopy* p, int32_t a) {
  if (p->in_stride[a] < 0) return;
  p->in_start += (p->count[a] - 1) * p->in_stride[a];
  p->in_stride[a] = -p->in_stride[a];
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ReverseOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& axis = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  STRATA_RETURN_IF_ERROR(check_type(ctx, axis, "axis", DataType::kInt32));
  if (in.rank < 1 || in.rank > kMaxCopyDims || axis.rank != 1 || axis.dims[0] > in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs a rank 1..%d input and at most that many axes",
                   static_cast<int>(kMaxCopyDims));
  }
  if (axis.is_constant && axis.data != nullptr) {
    for (int32_t i = 0; i < axis.dims[0]; ++i) {
      const int32_t a = axis.int32_data()[i];
      if (a < -in.rank || a >= in.rank) {
        return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                       static_cast<int>(a), static_cast<int>(in.rank));
      }
    }
  }
  make_box(in.dims, in.dims, in.rank, &d->identity);
  d->identity.elem_bytes = DataTypeSize(in.type);
  d->num_axes = axis.dims[0];
  req->variant = Variant::kAny;
  // Reversing never leaves the box, so the identity's bounds cover every axis set.
  return check_strided_copy(ctx, d->identity, in.elements, out.elements);
}

void invoke_any(const OpCall& call) {
  const ReverseOpData& d = call.data<ReverseOpData>();
  StridedCopy p = d.identity;
  const int32_t* axes = static_cast<const int32_t*>(call.input(1));
  for (int32_t i = 0; i < d.num_axes; ++i) {
    const int32_t a = axes[i] < 0 ? axes[i] + p.rank : axes[i];
    if (a >= 0 && a < p.rank) reverse_axis(&p, a);
  }
  strided_copy(p, call.input(0), call.output(0));
}

}  // namespace reverse_v2
}  // namespace reference
}  // namespace kernels
}  // namespace strata
