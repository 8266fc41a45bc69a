// SUB: element-wise difference with broadcasting and a fused activation. float32; int8 and int16
// with TFLite's general-scale requantization (as ADD, with the multipliers TFLite's SUB computes in
// single precision; pot_scale_int16 is ignored as TensorFlow Lite Micro does); int32 wrapping and
// clamped to the activation.
#include "common/arithmetic_op.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace sub {
namespace {

template <typename T>
void sub_quantized(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<T, T>(call.data<ArithmeticOpData>().plan, call, [&p](T x, T y) {
    const Rescaled r = rescale_inputs(x, y, p);
    return static_cast<T>(requantize_output(r.x - r.y, p));
  });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kSub);
}

void invoke_float32(const OpCall& call) {
  const FloatClamp clamp = float_clamp(call.data<ArithmeticOpData>().params);
  broadcast_binary<float, float>(call.data<ArithmeticOpData>().plan, call,
                                 [clamp](float x, float y) { return clamp(x - y); });
}

void invoke_int8(const OpCall& call) { sub_quantized<int8_t>(call); }

void invoke_int16(const OpCall& call) { sub_quantized<int16_t>(call); }

void invoke_int32(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int32_t, int32_t>(
      call.data<ArithmeticOpData>().plan, call,
      [lo = p.act_min, hi = p.act_max](int32_t x, int32_t y) { return clamp_i32(x - y, lo, hi); });
}

}  // namespace sub
}  // namespace reference
}  // namespace kernels
}  // namespace strata
