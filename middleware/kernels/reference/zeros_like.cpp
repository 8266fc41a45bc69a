// ZEROS_LIKE: an output of the input's shape and type holding zeros. The zeros are raw zeros, also
// for int8 (not the zero point), as in TensorFlow Lite. float32, int8, int32, int64: TensorFlow Lite
// Micro's types.
#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace zeros_like {
namespace {

struct ZerosLikeOpData {
  uint32_t bytes;
  int32_t reserved;
};

void fill_zeros(const OpCall& call) {
  std::memset(call.output(0), 0, call.data<ZerosLikeOpData>().bytes);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ZerosLikeOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, out));
  switch (in.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      break;
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      break;
    case DataType::kInt32:
      req->variant = Variant::kInt32;
      break;
    case DataType::kInt64:
      req->variant = Variant::kInt64;
      break;
    default:
      return OpError(ctx, StatusCode::kUnsupported,
                     "input type %s is not supported (float32, int8, int32, int64)",
                     DataTypeName(in.type));
  }
  d->bytes = out.bytes;
  // The input is never read: the output may overlap all of it.
  req->inplace_lead_bytes = 0;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) { fill_zeros(call); }
void invoke_int8(const OpCall& call) { fill_zeros(call); }
void invoke_int32(const OpCall& call) { fill_zeros(call); }
void invoke_int64(const OpCall& call) { fill_zeros(call); }

}  // namespace zeros_like
}  // namespace reference
}  // namespace kernels
}  // namespace strata
