// Check and prepare of the binary element-wise ops ADD and MUL against the kernel API, shared by
// every backend. Inputs of equal shape run as one flat loop; otherwise the op data carries a
// 4-D broadcast description.
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

enum class ArithmeticKind : uint8_t { kAdd, kMul };

struct ArithmeticOpData {
  ArithmeticParams params;
  Broadcast4 broadcast;
  int32_t count;       // output elements
  int32_t broadcasts;  // 0: equal shapes, flat loop
};
static_assert(sizeof(ArithmeticOpData) == 104, "arena-resident layout");

// The prepare() of ADD and MUL in every backend: variant float32 or int8, op data
// ArithmeticOpData.
Status arithmetic_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                          ArithmeticKind kind);

}  // namespace kernels
}  // namespace strata
