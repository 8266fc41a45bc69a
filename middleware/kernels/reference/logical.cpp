// LOGICAL_AND and LOGICAL_OR (with broadcasting) and LOGICAL_NOT on bool tensors. Any non-zero
// input byte is true; outputs are 0 or 1.
#include "common/arithmetic_op.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

Status logical_binary_prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  static const DataType kBool = DataType::kBool;
  return plan_only_prepare(ctx, req, op_data, BinaryOutput::kBool, &kBool, 1);
}

}  // namespace

namespace logical_and {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return logical_binary_prepare(ctx, req, op_data);
}
void invoke_bool(const OpCall& call) {
  broadcast_binary<uint8_t, bool>(call.data<BroadcastPlan>(), call,
                                  [](uint8_t x, uint8_t y) { return x != 0 && y != 0; });
}
}  // namespace logical_and

namespace logical_or {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return logical_binary_prepare(ctx, req, op_data);
}
void invoke_bool(const OpCall& call) {
  broadcast_binary<uint8_t, bool>(call.data<BroadcastPlan>(), call,
                                  [](uint8_t x, uint8_t y) { return x != 0 || y != 0; });
}
}  // namespace logical_or

namespace logical_not {
struct NotOpData {
  int32_t count;
};
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  if (ctx.input(0).type != DataType::kBool) return unsupported_input_type(ctx, "bool");
  OpDataRef<NotOpData> d(req, op_data);
  d->count = static_cast<int32_t>(ctx.input(0).elements);
  req->variant = Variant::kBool;
  return Status::Ok();
}
void invoke_bool(const OpCall& call) {
  const uint8_t* input = static_cast<const uint8_t*>(call.input(0));
  bool* output = static_cast<bool*>(call.output(0));
  const int32_t count = call.data<NotOpData>().count;
  for (int32_t i = 0; i < count; ++i) output[i] = input[i] == 0;
}
}  // namespace logical_not

}  // namespace reference
}  // namespace kernels
}  // namespace strata
