// TRANSPOSE: output dimension d is input dimension perm[d] (perm: constant int32, input 1, as
// TFLM requires). A strided gather (common/strided_copy.hpp): any element type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace transpose {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<StridedCopy> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& perm = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, perm, "perm", DataType::kInt32));
  if (!perm.is_constant || perm.data == nullptr) {
    return OpError(ctx, StatusCode::kUnsupported, "perm must be constant");
  }
  if (in.rank < 1 || in.rank > kMaxCopyDims || perm.rank != 1 || perm.dims[0] != in.rank ||
      out.rank != in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs a rank 1..%d input, a perm of that length and an output of that rank",
                   static_cast<int>(kMaxCopyDims));
  }
  const int32_t* p = perm.int32_data();
  int32_t in_strides[kMaxCopyDims];
  dense_strides(in.dims, in.rank, in_strides);
  int32_t count[kMaxCopyDims];
  int32_t step[kMaxCopyDims];
  uint32_t seen = 0;
  for (int32_t i = 0; i < in.rank; ++i) {
    if (p[i] < 0 || p[i] >= in.rank || (seen & (1u << p[i])) != 0) {
      return OpError(ctx, StatusCode::kMalformedModel, "perm is not a permutation of 0..%d",
                     static_cast<int>(in.rank - 1));
    }
    seen |= 1u << p[i];
    if (out.dims[i] != in.dims[p[i]]) {
      return OpError(ctx, StatusCode::kMalformedModel, "output dimension %d is %d, expected %d",
                     static_cast<int>(i), static_cast<int>(out.dims[i]),
                     static_cast<int>(in.dims[p[i]]));
    }
    count[i] = in.dims[p[i]];
    step[i] = in_strides[p[i]];
  }
  make_gather(count, step, 0, in.rank, d.get());
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, *d, in.elements, out.elements);
}

void invoke_any(const OpCall& call) { invoke_strided_copy(call); }

}  // namespace transpose
}  // namespace reference
}  // namespace kernels
}  // namespace strata
