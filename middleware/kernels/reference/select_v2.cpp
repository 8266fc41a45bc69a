// SELECT_V2: output = condition ? x : y element by element, the three inputs broadcast together.
// float32, int8 and int16; values are copied as stored (TFLite does not requantize: x, y and the
// output share one quantization in converted models).
#include "common/broadcast.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace select_v2 {
namespace {

// Elements are moved as unsigned integers of their size.
template <typename T>
void select(const OpCall& call) {
  const uint8_t* condition = static_cast<const uint8_t*>(call.input(0));
  const T* x = static_cast<const T*>(call.input(1));
  const T* y = static_cast<const T*>(call.input(2));
  T* out = static_cast<T*>(call.output(0));
  broadcast_for_each(call.data<BroadcastPlan>(), [=](int32_t o, int32_t c, int32_t i, int32_t j) {
    out[o] = condition[c] != 0 ? x[i] : y[j];
  });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<BroadcastPlan> plan(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 3, 3));
  const TensorView& condition = ctx.input(0);
  const TensorView& x = ctx.input(1);
  const TensorView& y = ctx.input(2);
  const TensorView& out = ctx.output(0);
  if (!x.present() || !y.present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "inputs 1 and 2 are required");
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, condition, "condition", DataType::kBool));
  STRATA_RETURN_IF_ERROR(check_type(ctx, y, "input 2", x.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", x.type));
  if (x.type != DataType::kFloat32 && x.type != DataType::kInt8 && x.type != DataType::kInt16) {
    return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                   DataTypeName(x.type));
  }
  req->variant = variant_of(x.type);
  // As TFLite: when every tensor holds one element, the output keeps whatever shape it has.
  if (condition.elements == 1 && x.elements == 1 && y.elements == 1 && out.elements == 1) {
    *plan = flat_plan(1);
    return Status::Ok();
  }
  const TensorView* operands[3] = {&condition, &x, &y};
  return plan_broadcast(ctx, operands, 3, out, BroadcastOutput::kBroadcastShape, plan.get());
}

void invoke_float32(const OpCall& call) { select<uint32_t>(call); }
void invoke_int8(const OpCall& call) { select<uint8_t>(call); }
void invoke_int16(const OpCall& call) { select<uint16_t>(call); }

}  // namespace select_v2
}  // namespace reference
}  // namespace kernels
}  // namespace strata
