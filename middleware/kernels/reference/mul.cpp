// MUL: element-wise product with broadcasting and a fused activation. float32; int8 and int16
// requantize the product of the offset inputs with one multiplier (int16 zero points are 0);
// int32 wrapping and clamped to the activation.
#include "common/arithmetic_op.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

template <typename T>
void mul_quantized(const ArithmeticParams& p, const BroadcastPlan& plan, const T* a, const T* b,
                   T* out) {
  broadcast_binary(plan, a, b, out, [&p](T x, T y) {
    return static_cast<T>(requantize_output((p.input1_offset + x) * (p.input2_offset + y), p));
  });
}

}  // namespace

void mul_float32(const ArithmeticParams& p, const BroadcastPlan& plan, const float* a,
                 const float* b, float* out) {
  const FloatClamp clamp = float_clamp(p);
  broadcast_binary(plan, a, b, out, [clamp](float x, float y) { return clamp(x * y); });
}

void mul_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out) {
  mul_quantized(p, plan, a, b, out);
}

namespace mul {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kMul);
}

void invoke_float32(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  mul_float32(d.params, d.plan, static_cast<const float*>(call.input(0)),
              static_cast<const float*>(call.input(1)), static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  mul_int8(d.params, d.plan, static_cast<const int8_t*>(call.input(0)),
           static_cast<const int8_t*>(call.input(1)), static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  mul_quantized(d.params, d.plan, static_cast<const int16_t*>(call.input(0)),
                static_cast<const int16_t*>(call.input(1)), static_cast<int16_t*>(call.output(0)));
}

void invoke_int32(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int32_t, int32_t>(
      call.data<ArithmeticOpData>().plan, call,
      [lo = p.act_min, hi = p.act_max](int32_t x, int32_t y) { return clamp_i32(x * y, lo, hi); });
}

}  // namespace mul

}  // namespace reference
}  // namespace kernels
}  // namespace strata
