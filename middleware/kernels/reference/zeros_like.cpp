// ZEROS_LIKE: an output of the input's shape and type holding zeros. The zeros are raw zeros, also
// for int8 (not the zero point), as in TensorFlow Lite. float32, int8, int32, int64: TensorFlow
// Lite Micro's types.
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
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  if (in.type != DataType::kFloat32 && in.type != DataType::kInt8 && in.type != DataType::kInt32 &&
      in.type != DataType::kInt64) {
    return unsupported_input_type(ctx, "float32, int8, int32, int64");
  }
  req->variant = variant_of(in.type);
  d->bytes = ctx.output(0).bytes;
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
