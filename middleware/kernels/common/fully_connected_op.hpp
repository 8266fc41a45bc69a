// FULLY_CONNECTED parameters and the shared check/prepare against the kernel API.
//
// The input is flattened to [batches, accum_depth] where accum_depth is the filter's second
// dimension; the filter is [units, accum_depth]. int8 weights may be per-tensor or per-channel
// (one scale per unit). Op data layout: FullyConnectedOpData, then int32 multipliers and int8
// shifts (int8) or float filter scales (hybrid), `channels` entries each.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/weighted_op.hpp"
#include "kernel.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {

struct FullyConnectedParams {
  int32_t input_offset;   // -input zero point (int8)
  int32_t output_offset;  // output zero point (int8)
  int32_t act_min;
  int32_t act_max;
  float act_min_f;
  float act_max_f;
  int32_t batches;
  int32_t accum_depth;
  int32_t units;
};

struct FullyConnectedOpData {
  FullyConnectedParams params;
  int32_t channels;  // entries in the per-channel arrays (1 for per-tensor weights)
  uint32_t flags;    // kConvPerChannel, kConvAsymmetric
  int32_t reserved;
};
static_assert(sizeof(FullyConnectedOpData) == 48, "arena-resident layout");

// The scratch a backend needs for the variant check() picked. A backend without one gets the
// reference figure: the quantized input row of a hybrid op.
using FullyConnectedScratchFn = uint32_t (*)(WeightedVariant v, const FullyConnectedParams& p,
                                             bool per_channel);

Status fully_connected_check(const OpContext& ctx, OpRequirements* req, const WeightedInvokers& fns,
                             FullyConnectedScratchFn scratch);
Status fully_connected_prepare(const OpContext& ctx, void* op_data);

// The kernel-API glue of FULLY_CONNECTED in one backend, from its invoke functions (the same
// scheme as ConvKernels in conv_op.hpp).
template <InvokeFn kFloat32, InvokeFn kInt8, InvokeFn kHybrid,
          FullyConnectedScratchFn kScratch = nullptr>
struct FullyConnectedKernels {
  static Status check(const OpContext& ctx, OpRequirements* req) {
    return fully_connected_check(ctx, req, WeightedInvokers{kFloat32, kInt8, kHybrid}, kScratch);
  }
  static Status check_int8(const OpContext& ctx, OpRequirements* req) {
    return fully_connected_check(ctx, req, WeightedInvokers{nullptr, kInt8, nullptr}, kScratch);
  }
  static Status check_float32(const OpContext& ctx, OpRequirements* req) {
    return fully_connected_check(ctx, req, WeightedInvokers{kFloat32, nullptr, nullptr}, kScratch);
  }
  static constexpr Kernel kAll = {check, fully_connected_prepare};
  static constexpr Kernel kInt8Only = {check_int8, fully_connected_prepare};
  static constexpr Kernel kFloat32Only = {check_float32, fully_connected_prepare};
};

ChannelQuant fully_connected_channel_quant(const FullyConnectedOpData& d);
HybridWeights fully_connected_hybrid_weights(const FullyConnectedOpData& d);

}  // namespace kernels
}  // namespace strata
