// SHAPE: writes the input's dimensions as a 1-D int32 tensor (TFLM's only output type). The
// input's values are never read, so one kernel serves every input type.
#include "common/op_checks.hpp"
#include "strata/model.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace shape {
namespace {

struct ShapeOpData {
  int32_t rank;
  int32_t dims[kMaxRank];
  int32_t reserved;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ShapeOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_ShapeOptions() : nullptr;
  if (o != nullptr && o->out_type() != tflite::TensorType_INT32) {
    return OpError(ctx, StatusCode::kUnsupported, "out_type %s is not supported, only int32",
                   tflite::EnumNameTensorType(o->out_type()));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", DataType::kInt32));
  if (out.rank != 1 || out.dims[0] != in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "output must have shape [%d]",
                   static_cast<int>(in.rank));
  }
  req->variant = Variant::kAny;
  d->rank = in.rank;
  for (int32_t i = 0; i < in.rank; ++i) d->dims[i] = in.dims[i];
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const ShapeOpData& d = call.data<ShapeOpData>();
  int32_t* out = static_cast<int32_t*>(call.output(0));
  for (int32_t i = 0; i < d.rank; ++i) out[i] = d.dims[i];
}

}  // namespace shape
}  // namespace reference
}  // namespace kernels
}  // namespace strata
