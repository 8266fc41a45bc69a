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

// The scratch a backend needs for the variant prepare() picked. A backend without one gets the
// reference figure: the quantized input row of a hybrid op.
using FullyConnectedScratchFn = uint32_t (*)(Variant v, const FullyConnectedParams& p,
                                             bool per_channel);

// The prepare() of FULLY_CONNECTED in every backend (the same scheme as conv_prepare). The bias
// (input 2) is optional: the converter writes 2 inputs, or 3 with the last one -1.
Status fully_connected_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                               FullyConnectedScratchFn scratch);

ChannelQuant fully_connected_channel_quant(const FullyConnectedOpData& d);
HybridWeights fully_connected_hybrid_weights(const FullyConnectedOpData& d);

}  // namespace kernels
}  // namespace strata
