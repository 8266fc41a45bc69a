// ADD: element-wise sum with broadcasting and a fused activation. float32; int8 and int16 with
// TFLite's general-scale requantization (common/arithmetic_params.hpp; TensorFlow Lite Micro uses
// it for int16 too, whatever the AddOptions' pot_scale_int16 says); int32 wrapping, without the
// activation (TFLite's int32 ADD ignores it).
#include "common/arithmetic_op.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

template <typename T>
void add_quantized(const ArithmeticParams& p, const BroadcastPlan& plan, const T* a, const T* b,
                   T* out) {
  broadcast_binary(plan, a, b, out, [&p](T x, T y) {
    const Rescaled r = rescale_inputs(x, y, p);
    return static_cast<T>(requantize_output(r.x + r.y, p));
  });
}

}  // namespace

void add_float32(const ArithmeticParams& p, const BroadcastPlan& plan, const float* a,
                 const float* b, float* out) {
  const FloatClamp clamp = float_clamp(p);
  broadcast_binary(plan, a, b, out, [clamp](float x, float y) { return clamp(x + y); });
}

void add_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out) {
  add_quantized(p, plan, a, b, out);
}

namespace add {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kAdd);
}

void invoke_float32(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_float32(d.params, d.plan, static_cast<const float*>(call.input(0)),
              static_cast<const float*>(call.input(1)), static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_int8(d.params, d.plan, static_cast<const int8_t*>(call.input(0)),
           static_cast<const int8_t*>(call.input(1)), static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_quantized(d.params, d.plan, static_cast<const int16_t*>(call.input(0)),
                static_cast<const int16_t*>(call.input(1)), static_cast<int16_t*>(call.output(0)));
}

void invoke_int32(const OpCall& call) {
  broadcast_binary<int32_t, int32_t>(call.data<ArithmeticOpData>().plan, call,
                                     [](int32_t x, int32_t y) { return x + y; });
}

}  // namespace add

}  // namespace reference
}  // namespace kernels
}  // namespace strata
