// FLOOR_DIV: floor(x / y) element by element, with broadcasting; float32, the quotient taken in
// double precision as TFLite does. TFLite refuses a zero divisor at run time; here a constant
// divisor with a zero is refused at prepare, and a zero reaching invoke gives IEEE infinities.
#include <cmath>

#include "common/arithmetic_op.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace floor_div {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  static const DataType kFloat32 = DataType::kFloat32;
  STRATA_RETURN_IF_ERROR(
      plan_only_prepare(ctx, req, op_data, BinaryOutput::kSameType, &kFloat32, 1));
  const TensorView& divisor = ctx.input(1);
  if (divisor.is_constant && divisor.data != nullptr) {
    const float* y = divisor.float_data();
    for (uint32_t i = 0; i < divisor.elements; ++i) {
      if (y[i] == 0.0f) {
        return OpError(ctx, StatusCode::kMalformedModel, "constant divisor '%s' has a zero",
                       divisor.name);
      }
    }
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  broadcast_binary<float, float>(call.data<BroadcastPlan>(), call, [](float x, float y) {
    return static_cast<float>(std::floor(static_cast<double>(x) / static_cast<double>(y)));
  });
}

}  // namespace floor_div
}  // namespace reference
}  // namespace kernels
}  // namespace strata
