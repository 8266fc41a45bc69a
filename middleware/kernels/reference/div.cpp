// DIV: element-wise quotient with broadcasting and a fused activation. float32 (IEEE division);
// int32 truncating toward zero and clamped to the activation; int8 with TFLite's fixed-point
// quotient: the offset divisor's reciprocal (fixed_point_math) times the offset dividend at full
// headroom, requantized to the output.
//
// TFLite leaves division by zero undefined (a debug check). Here an int32 x / 0 gives 0 and
// INT32_MIN / -1 gives INT32_MIN (what the Cortex-M SDIV instruction returns); an int8 divisor
// equal to its zero point saturates toward the dividend's sign (the output zero point for 0 / 0).
#include "common/arithmetic_op.hpp"
#include "common/fixed_point_math.hpp"
#include "common/op_checks.hpp"
#include "reference/arithmetic.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace div {
namespace {

// Redundant sign bits of x: how far it can be shifted left without overflow (31 for 0).
int32_t count_leading_sign_bits(int32_t x) {
  uint32_t bits = static_cast<uint32_t>(x < 0 ? ~x : x);
  int32_t n = 0;
  while (n < 31 && (bits & (UINT32_C(0x40000000) >> n)) == 0) ++n;
  return n;
}

int8_t divide_int8(int32_t x, int32_t y, const ArithmeticParams& p) {
  if (y == 0) {
    const int32_t v = x > 0 ? p.act_max : (x < 0 ? p.act_min : p.output_offset);
    return static_cast<int8_t>(clamp_i32(v, p.act_min, p.act_max));
  }
  if (y < 0) {  // the reciprocal needs a positive divisor
    x = -x;
    y = -y;
  }
  int reciprocal_shift = 0;
  const int32_t reciprocal = reciprocal_fixed(y, 31, &reciprocal_shift);
  const int32_t headroom = count_leading_sign_bits(x);
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << headroom);
  const int32_t unscaled = saturating_rounding_doubling_high_mul(shifted, reciprocal);
  const int32_t shift = p.output_shift - reciprocal_shift - headroom;
  // A right shift of 32 or more leaves nothing of a 31-bit magnitude.
  const int32_t quotient =
      shift < -31 ? 0 : multiply_by_quantized_multiplier(unscaled, p.output_multiplier, shift);
  return static_cast<int8_t>(clamp_i32(quotient + p.output_offset, p.act_min, p.act_max));
}

FusedActivation read_activation(const OpContext& ctx) {
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_DivOptions() : nullptr;
  return o != nullptr ? static_cast<FusedActivation>(o->fused_activation_function())
                      : FusedActivation::kNone;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ArithmeticOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(binary_prepare(ctx, req, BinaryOutput::kSameType, &d->plan));
  const DataType type = ctx.input(0).type;
  const FusedActivation act = read_activation(ctx);
  bool ok = false;
  switch (type) {
    case DataType::kFloat32:
      ok = compute_arithmetic_params_float(act, &d->params);
      break;
    case DataType::kInt32:
      STRATA_RETURN_IF_ERROR(check_unquantized(ctx, ctx.input(0), "input 0"));
      STRATA_RETURN_IF_ERROR(check_unquantized(ctx, ctx.input(1), "input 1"));
      ok = compute_arithmetic_params_int32(act, &d->params);
      break;
    case DataType::kInt8: {
      BinaryQuant q;
      STRATA_RETURN_IF_ERROR(binary_quant(ctx, &q));
      ok = compute_div_params(q, act, &d->params);
      break;
    }
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(type));
  }
  if (!ok) return OpError(ctx, StatusCode::kUnsupported, "unsupported activation or scales");
  req->variant = variant_of(type);
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const FloatClamp clamp = float_clamp(call.data<ArithmeticOpData>().params);
  broadcast_binary<float, float>(call.data<ArithmeticOpData>().plan, call,
                                 [clamp](float x, float y) { return clamp(x / y); });
}

void invoke_int32(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int32_t, int32_t>(
      call.data<ArithmeticOpData>().plan, call,
      [lo = p.act_min, hi = p.act_max](int32_t x, int32_t y) {
        const int32_t q = y == 0 ? 0 : (y == -1 ? -x : x / y);  // -INT32_MIN wraps (-fwrapv)
        return clamp_i32(q, lo, hi);
      });
}

void invoke_int8(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int8_t, int8_t>(
      call.data<ArithmeticOpData>().plan, call, [&p](int8_t x, int8_t y) {
        return divide_int8(p.input1_offset + x, p.input2_offset + y, p);
      });
}

}  // namespace div
}  // namespace reference
}  // namespace kernels
}  // namespace strata
