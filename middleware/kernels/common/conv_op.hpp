// Check and prepare of CONV_2D and DEPTHWISE_CONV_2D against the kernel API, shared by every
// backend: a backend passes its invoke functions and gets identical validation, op data layout
// and requantization parameters. Only the inner compute differs between backends.
//
// Op data layout (arena, 8-byte aligned): ConvOpData, then per channel either int32 multipliers
// followed by int8 shifts (int8 ops) or float filter scales (hybrid ops).
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
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
  uint32_t flags;
};
static_assert(sizeof(ConvOpData) == 96, "arena-resident layout");

// A null entry makes check() reject that variant (type-specific kernels link less code).
struct ConvInvokers {
  InvokeFn float32;
  InvokeFn int8;
  InvokeFn hybrid;
};

Status conv_check(const OpContext& ctx, OpRequirements* req, const ConvInvokers& fns,
                  ConvKind kind);
Status conv_prepare(const OpContext& ctx, void* op_data, ConvKind kind);

// Views of the per-channel arrays behind a prepared ConvOpData.
ChannelQuant conv_channel_quant(const ConvOpData& d);
HybridWeights conv_hybrid_weights(const ConvOpData& d);

}  // namespace kernels
}  // namespace strata
