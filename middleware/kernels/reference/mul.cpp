#include "common/arithmetic_op.hpp"
#include "common/quant_math.hpp"
#include "reference/arithmetic.hpp"
#include "reference/binary_loop.hpp"

namespace strata {
namespace kernels {
namespace reference {

void mul_float32(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const float* a,
                 const float* b, float* out) {
  binary_loop(bc, count, a, b, out, [&p](float x, float y) {
    const float v = x * y;
    return v < p.act_min_f ? p.act_min_f : (v > p.act_max_f ? p.act_max_f : v);
  });
}

void mul_int8(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const int8_t* a,
              const int8_t* b, int8_t* out) {
  binary_loop(bc, count, a, b, out, [&p](int8_t x, int8_t y) {
    const int32_t product = (p.input1_offset + x) * (p.input2_offset + y);
    const int32_t v =
        multiply_by_quantized_multiplier(product, p.output_multiplier, p.output_shift) +
        p.output_offset;
    return static_cast<int8_t>(clamp_i32(v, p.act_min, p.act_max));
  });
}

namespace mul {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kMul);
}

void invoke_float32(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  mul_float32(d.params, d.broadcasts ? &d.broadcast : nullptr, d.count,
              static_cast<const float*>(call.input(0)), static_cast<const float*>(call.input(1)),
              static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  mul_int8(d.params, d.broadcasts ? &d.broadcast : nullptr, d.count,
           static_cast<const int8_t*>(call.input(0)), static_cast<const int8_t*>(call.input(1)),
           static_cast<int8_t*>(call.output(0)));
}

}  // namespace mul

}  // namespace reference
}  // namespace kernels
}  // namespace strata
