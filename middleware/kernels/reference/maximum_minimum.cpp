// MAXIMUM and MINIMUM: the larger / smaller of two values element by element, with broadcasting.
// float32, int8, int16, int32, int64. Quantized values are compared as stored, without
// requantization, as TFLite does (its converter gives both inputs and the output one
// quantization). Float comparisons are TFLite's: max(a, b) = a > b ? a : b, so a NaN in b wins.
#include "common/arithmetic_op.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

Status minmax_prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  static const DataType kTypes[] = {DataType::kFloat32, DataType::kInt8, DataType::kInt16,
                                    DataType::kInt32, DataType::kInt64};
  return plan_only_prepare(ctx, req, op_data, BinaryOutput::kSameType, kTypes, 5);
}

template <typename T>
void take_max(const OpCall& call) {
  broadcast_binary<T, T>(call.data<BroadcastPlan>(), call, [](T x, T y) { return x > y ? x : y; });
}

template <typename T>
void take_min(const OpCall& call) {
  broadcast_binary<T, T>(call.data<BroadcastPlan>(), call, [](T x, T y) { return x < y ? x : y; });
}

}  // namespace

namespace maximum {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return minmax_prepare(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { take_max<float>(call); }
void invoke_int8(const OpCall& call) { take_max<int8_t>(call); }
void invoke_int16(const OpCall& call) { take_max<int16_t>(call); }
void invoke_int32(const OpCall& call) { take_max<int32_t>(call); }
void invoke_int64(const OpCall& call) { take_max<int64_t>(call); }
}  // namespace maximum

namespace minimum {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return minmax_prepare(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { take_min<float>(call); }
void invoke_int8(const OpCall& call) { take_min<int8_t>(call); }
void invoke_int16(const OpCall& call) { take_min<int16_t>(call); }
void invoke_int32(const OpCall& call) { take_min<int32_t>(call); }
void invoke_int64(const OpCall& call) { take_min<int64_t>(call); }
}  // namespace minimum

}  // namespace reference
}  // namespace kernels
}  // namespace strata
