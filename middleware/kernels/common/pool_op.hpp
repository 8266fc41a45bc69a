// Check and prepare of MAX_POOL_2D and AVERAGE_POOL_2D against the kernel API, shared by every
// backend (a backend only supplies its invoke functions).
#pragma once

#include <cstdint>

#include "common/dims.hpp"
#include "common/pool_params.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

struct PoolOpData {
  PoolParams params;
  int32_t reserved;
  Dims4 input;
  Dims4 output;
};
static_assert(sizeof(PoolOpData) == 64, "arena-resident layout");

// A null entry makes check() reject that variant (type-specific kernels link less code).
struct PoolInvokers {
  InvokeFn float32;
  InvokeFn int8;
};

Status pool_check(const OpContext& ctx, OpRequirements* req, const PoolInvokers& fns);
Status pool_prepare(const OpContext& ctx, void* op_data);

}  // namespace kernels
}  // namespace strata
