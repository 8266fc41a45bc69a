// Check and prepare of CONV_2D and DEPTHWISE_CONV_2D against the kernel API, shared by every
// backend: a backend passes its invoke functions and gets identical validation, op data layout
// and requantization parameters. Only the inner compute differs between backends.
//
// Op data layout (arena, 8-byte aligned): ConvOpData, then per channel either int32 multipliers
// followed by int8 shifts (int8, int16 and int4 ops) or float filter scales (hybrid ops).
#pragma once

#include <cstdint>

#include "common/checked_math.hpp"
#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/weighted_op.hpp"
#include "kernel.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {

enum class ConvKind : uint8_t { kConv2D, kDepthwise };

// Bits of ConvOpData::flags (plain constants so they combine without casts).
constexpr uint32_t kConvPerChannel = 1u << 0;  // hybrid: one filter scale per output channel
constexpr uint32_t kConvAsymmetric = 1u << 1;  // hybrid: asymmetric input quantization

struct ConvOpData {
  ConvParams params;
  Dims4 input;
  Dims4 filter;
  Dims4 output;
  int32_t channels;  // output channels = entries in the per-channel arrays
  uint32_t flags;    // kConvPerChannel, kConvAsymmetric, kWideAccumulator (weighted_op.hpp)
};
static_assert(sizeof(ConvOpData) == 96, "arena-resident layout");

// The scratch a backend needs for the variant prepare() picked, from the validated geometry. A
// backend without one gets the reference figure: the quantized input batch of a hybrid op.
using ConvScratchFn = uint32_t (*)(Variant v, const ConvParams& p, const Dims4& in,
                                   const Dims4& filter, const Dims4& out);

// The prepare() of CONV_2D (kind kConv2D) and DEPTHWISE_CONV_2D (kDepthwise) in every backend: the
// backends differ only in compute and scratch, never in validation or op data.
//   Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
//     return conv_prepare(ctx, req, op_data, ConvKind::kConv2D, scratch_bytes);
//   }
Status conv_prepare(const OpContext& ctx, OpRequirements* req, void* op_data, ConvKind kind,
                    ConvScratchFn scratch);

// Views of the per-channel arrays behind a prepared ConvOpData.
ChannelQuant conv_channel_quant(const ConvOpData& d);
HybridWeights conv_hybrid_weights(const ConvOpData& d);

}  // namespace kernels
}  // namespace strata
