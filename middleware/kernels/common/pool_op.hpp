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

using PoolFloat32Fn = void (*)(const PoolParams&, const Dims4&, const float*, const Dims4&, float*);
using PoolInt8Fn = void (*)(const PoolParams&, const Dims4&, const int8_t*, const Dims4&, int8_t*);

// The kernel-API glue of one pooling op, from its two compute functions: every backend's
// MAX_POOL_2D and AVERAGE_POOL_2D use it, so only the compute differs between them.
//   extern const Kernel kMaxPool2D = PoolKernels<max_pool_2d_float32, max_pool_2d_int8>::kAll;
template <PoolFloat32Fn kFloat32, PoolInt8Fn kInt8>
struct PoolKernels {
  static void invoke_float32(const OpCall& call) {
    const PoolOpData& d = call.data<PoolOpData>();
    kFloat32(d.params, d.input, static_cast<const float*>(call.input(0)), d.output,
             static_cast<float*>(call.output(0)));
  }
  static void invoke_int8(const OpCall& call) {
    const PoolOpData& d = call.data<PoolOpData>();
    kInt8(d.params, d.input, static_cast<const int8_t*>(call.input(0)), d.output,
          static_cast<int8_t*>(call.output(0)));
  }
  static Status check(const OpContext& ctx, OpRequirements* req) {
    return pool_check(ctx, req, PoolInvokers{invoke_float32, invoke_int8});
  }
  static Status check_int8(const OpContext& ctx, OpRequirements* req) {
    return pool_check(ctx, req, PoolInvokers{nullptr, invoke_int8});
  }
  static Status check_float32(const OpContext& ctx, OpRequirements* req) {
    return pool_check(ctx, req, PoolInvokers{invoke_float32, nullptr});
  }
  static constexpr Kernel kAll = {check, pool_prepare};
  static constexpr Kernel kInt8Only = {check_int8, pool_prepare};
  static constexpr Kernel kFloat32Only = {check_float32, pool_prepare};
};

}  // namespace kernels
}  // namespace strata
