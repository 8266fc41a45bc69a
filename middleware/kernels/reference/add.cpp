#include "common/arithmetic_op.hpp"
#include "common/quant_math.hpp"
#include "reference/arithmetic.hpp"
#include "reference/binary_loop.hpp"

namespace strata {
namespace kernels {
namespace reference {

void add_float32(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const float* a,
                 const float* b, float* out) {
  binary_loop(bc, count, a, b, out, [&p](float x, float y) {
    const float v = x + y;
    return v < p.act_min_f ? p.act_min_f : (v > p.act_max_f ? p.act_max_f : v);
  });
}

void add_int8(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const int8_t* a,
              const int8_t* b, int8_t* out) {
  binary_loop(bc, count, a, b, out, [&p](int8_t x, int8_t y) {
    // Both inputs move to a common scale with 20 bits of headroom before the sum.
    const int32_t x_shifted = (p.input1_offset + x) * (1 << p.left_shift);
    const int32_t y_shifted = (p.input2_offset + y) * (1 << p.left_shift);
    const int32_t x_scaled =
        multiply_by_quantized_multiplier(x_shifted, p.input1_multiplier, p.input1_shift);
    const int32_t y_scaled =
        multiply_by_quantized_multiplier(y_shifted, p.input2_multiplier, p.input2_shift);
    const int32_t v =
        multiply_by_quantized_multiplier(x_scaled + y_scaled, p.output_multiplier, p.output_shift) +
        p.output_offset;
    return static_cast<int8_t>(clamp_i32(v, p.act_min, p.act_max));
  });
}

namespace add {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kAdd);
}

void invoke_float32(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_float32(d.params, d.broadcasts ? &d.broadcast : nullptr, d.count,
              static_cast<const float*>(call.input(0)), static_cast<const float*>(call.input(1)),
              static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_int8(d.params, d.broadcasts ? &d.broadcast : nullptr, d.count,
           static_cast<const int8_t*>(call.input(0)), static_cast<const int8_t*>(call.input(1)),
           static_cast<int8_t*>(call.output(0)));
}

}  // namespace add

}  // namespace reference
}  // namespace kernels
}  // namespace strata
