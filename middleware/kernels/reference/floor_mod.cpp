// FLOOR_MOD: the remainder of floor division element by element, with broadcasting; float32. As
// TFLite computes it: the truncated remainder fmod(x, y), moved into y's sign by adding y when the
// two signs differ. A zero divisor gives NaN (IEEE fmod).
#include <cmath>

#include "common/arithmetic_op.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace floor_mod {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  static const DataType kFloat32 = DataType::kFloat32;
  return plan_only_prepare(ctx, req, op_data, BinaryOutput::kSameType, &kFloat32, 1);
}

void invoke_float32(const OpCall& call) {
  broadcast_binary<float, float>(call.data<BroadcastPlan>(), call, [](float x, float y) {
    const float remainder = std::fmod(x, y);
    return remainder != 0.0f && ((y < 0.0f) != (remainder < 0.0f)) ? remainder + y : remainder;
  });
}

}  // namespace floor_mod
}  // namespace reference
}  // namespace kernels
}  // namespace strata
