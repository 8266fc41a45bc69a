// Check and prepare of MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D against the kernel API, shared
// by every backend (a backend only supplies its invoke functions).
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

// The prepare() of the pooling ops in every backend: float32, int8 or int16 variant (int8/int16
// input and output quantization equal, as TFLite requires: scales within 1e-6, same zero point).
Status pool_prepare(const OpContext& ctx, OpRequirements* req, void* op_data);

// Invoke functions from a backend's compute functions: every backend's pooling ops use them, so
// only the compute differs between them.
//   void invoke_int8(const OpCall& call) { pool_invoke_int8<max_pool_2d_int8>(call); }
using PoolFloat32Fn = void (*)(const PoolParams&, const Dims4&, const float*, const Dims4&, float*);
using PoolInt8Fn = void (*)(const PoolParams&, const Dims4&, const int8_t*, const Dims4&, int8_t*);
using PoolInt16Fn = void (*)(const PoolParams&, const Dims4&, const int16_t*, const Dims4&,
                             int16_t*);

template <PoolFloat32Fn kCompute>
void pool_invoke_float32(const OpCall& call) {
  const PoolOpData& d = call.data<PoolOpData>();
  kCompute(d.params, d.input, static_cast<const float*>(call.input(0)), d.output,
           static_cast<float*>(call.output(0)));
}

template <PoolInt8Fn kCompute>
void pool_invoke_int8(const OpCall& call) {
  const PoolOpData& d = call.data<PoolOpData>();
  kCompute(d.params, d.input, static_cast<const int8_t*>(call.input(0)), d.output,
           static_cast<int8_t*>(call.output(0)));
}

template <PoolInt16Fn kCompute>
void pool_invoke_int16(const OpCall& call) {
  const PoolOpData& d = call.data<PoolOpData>();
  kCompute(d.params, d.input, static_cast<const int16_t*>(call.input(0)), d.output,
           static_cast<int16_t*>(call.output(0)));
}

}  // namespace kernels
}  // namespace strata
