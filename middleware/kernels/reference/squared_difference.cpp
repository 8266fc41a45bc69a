// SQUARED_DIFFERENCE: (x - y)^2 element by element, with broadcasting. float32 and int32 (wrapping)
// directly; int8 and int16 as TFLite does: both inputs rescaled to a common scale (after a 7-bit
// left shift for int8, none for int16), the difference squared in 32 bits and requantized to the
// output. No fused activation: the result is clamped to the output type only.
#include "common/arithmetic_op.hpp"
#include "common/op_checks.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace squared_difference {
namespace {

template <typename T>
void squared_difference_quantized(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<T, T>(call.data<ArithmeticOpData>().plan, call, [&p](T x, T y) {
    const Rescaled r = rescale_inputs(x, y, p);
    const int32_t difference = r.x - r.y;
    return static_cast<T>(requantize_output(difference * difference, p));
  });
}

template <typename T>
T squared(T x, T y) {
  const T difference = x - y;
  return difference * difference;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ArithmeticOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(binary_prepare(ctx, req, BinaryOutput::kSameType, &d->plan));
  const DataType type = ctx.input(0).type;
  switch (type) {
    case DataType::kFloat32:
    case DataType::kInt32:
      break;
    case DataType::kInt8:
    case DataType::kInt16: {
      BinaryQuant q;
      STRATA_RETURN_IF_ERROR(binary_quant(ctx, &q));
      if (!compute_squared_difference_params(q, &d->params)) {
        return OpError(ctx, StatusCode::kUnsupported, "unsupported input scales");
      }
      break;
    }
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(type));
  }
  req->variant = variant_of(type);
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  broadcast_binary<float, float>(call.data<ArithmeticOpData>().plan, call, squared<float>);
}

void invoke_int32(const OpCall& call) {
  broadcast_binary<int32_t, int32_t>(call.data<ArithmeticOpData>().plan, call, squared<int32_t>);
}

void invoke_int8(const OpCall& call) { squared_difference_quantized<int8_t>(call); }

void invoke_int16(const OpCall& call) { squared_difference_quantized<int16_t>(call); }

}  // namespace squared_difference
}  // namespace reference
}  // namespace kernels
}  // namespace strata
