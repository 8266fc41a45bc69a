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
    const int32_t difference = rescale_input1(x, p) - rescale_input2(y, p);
    return static_cast<T>(requantize_output(difference, p));
  });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kSub);
}

void invoke_float32(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<float, float>(call.data<ArithmeticOpData>().plan, call,
                                 [&p](float x, float y) { return clamp_float(x - y, p); });
}

void invoke_int8(const OpCall& call) { sub_quantized<int8_t>(call); }

void invoke_int16(const OpCall& call) { sub_quantized<int16_t>(call); }

void invoke_int32(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int32_t, int32_t>(
      call.data<ArithmeticOpData>().plan, call,
      [&p](int32_t x, int32_t y) { return clamp_i32(x - y, p.act_min, p.act_max); });
}

}  // namespace sub
}  // namespace reference
}  // namespace kernels
}  // namespace strata
