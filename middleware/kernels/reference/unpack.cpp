// UNPACK: the input's `num` slices along `axis`, one per output, each without that axis. The copy
// is SPLIT's (reference/split.hpp).
#include "common/op_checks.hpp"
#include "reference/split.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace unpack {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  if (ctx.num_inputs != 1 || !ctx.input(0).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects one input");
  }
  const TensorView& in = ctx.input(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_UnpackOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing options");
  const int32_t axis = o->axis() < 0 ? o->axis() + in.rank : o->axis();
  if (axis < 0 || axis >= in.rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                   static_cast<int>(o->axis()), static_cast<int>(in.rank));
  }
  if (o->num() != static_cast<int32_t>(ctx.num_outputs)) {
    return OpError(ctx, StatusCode::kMalformedModel, "num %d but %u outputs",
                   static_cast<int>(o->num()), static_cast<unsigned>(ctx.num_outputs));
  }
  return split_prepare(ctx, 0, axis, true, req, op_data);
}

void invoke_any(const OpCall& call) { split_invoke(call, 0); }

}  // namespace unpack
}  // namespace reference
}  // namespace kernels
}  // namespace strata
