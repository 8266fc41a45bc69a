// Check and prepare of the binary element-wise ops against the kernel API, shared by every
// backend: the shape and type analysis all of them make (binary_prepare), and the whole prepare()
// of ADD, SUB and MUL (arithmetic_prepare, which the optimized ADD shares).
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"
#include "common/broadcast.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

struct ArithmeticOpData {
  ArithmeticParams params;
  BroadcastPlan plan;
};
static_assert(sizeof(ArithmeticOpData) == 152, "arena-resident layout");

enum class BinaryOutput : uint8_t { kSameType, kBool };

// Two inputs of one type and one output, of that type or bool (comparisons), whose shape is the
// inputs' broadcast shape; fills the plan. When nothing broadcasts the kernel may run in place.
Status binary_prepare(const OpContext& ctx, OpRequirements* req, BinaryOutput output,
                      BroadcastPlan* plan);

// The whole prepare() of a binary op whose op data is its plan alone (MAXIMUM, MINIMUM,
// FLOOR_DIV, FLOOR_MOD, LOGICAL_AND, LOGICAL_OR): the inputs' type must be one of types[0..n),
// and picks that type's variant.
Status plan_only_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                         BinaryOutput output, const DataType* types, int32_t n);

// The quantization of a binary op's inputs and output (check_quantized on each), with the range
// of their type.
Status binary_quant(const OpContext& ctx, BinaryQuant* q);

enum class ArithmeticKind : uint8_t { kAdd, kSub, kMul };

// The prepare() of ADD, SUB and MUL in every backend: variants float32, int8, int16 and int32,
// op data ArithmeticOpData.
Status arithmetic_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                          ArithmeticKind kind);

}  // namespace kernels
}  // namespace strata
