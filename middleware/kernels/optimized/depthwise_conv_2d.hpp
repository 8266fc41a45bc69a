// Optimized DEPTHWISE_CONV_2D compute functions (float32, int8, hybrid) on plain buffers: the
// reference semantics and signatures (reference/depthwise_conv_2d.hpp) plus a scratch buffer.
//
// int8 / hybrid, depth multiplier 1: the planar path (depthwise_planar.hpp), with the 3x3 stride 1
// and stride 2 filters specialised. Depth multiplier > 1: a grouped convolution (one group per
// input channel, `multiplier` outputs each) through the int8 engine, with the filter transposed
// into scratch once per invoke; with a single input channel (the first layer of many image and
// audio models) that is an ordinary convolution and gets the engine's 4-pixel blocking.
// float32: output channels in register blocks over the clipped window.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/half.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace optimized {

uint32_t depthwise_conv_2d_int8_scratch_bytes(const ConvParams& p, const Dims4& in,
                                              const Dims4& filter, const Dims4& out);
uint32_t depthwise_conv_2d_hybrid_scratch_bytes(const ConvParams& p, const Dims4& in,
                                                const Dims4& filter, const Dims4& out);

// The inplace_lead_bytes of the int8 variant, from the window lead every backend reports
// (WindowInplaceLead): the planar path writes one channel of every pixel before it reads the next
// channel, so the output may overlap the input only where each output byte lands on the same
// channel of the input (a lead that is a whole number of pixels). The planner rounds leads up to
// kArenaAlignment, so with depth multiplier 1 the lead becomes a multiple of both.
uint32_t depthwise_conv_2d_int8_inplace_lead(uint32_t window_lead, int32_t channels,
                                             int32_t filter_channels);

void depthwise_conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                            const int8_t* input, const Dims4& filter, const int8_t* weights,
                            const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);

void depthwise_conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                              const float* input, const Dims4& filter, const int8_t* weights,
                              const float* bias, const Dims4& out, float* output, void* scratch);

void depthwise_conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const float* weights, const float* bias,
                               const Dims4& out, float* output);

// Float16 weights read in place, bias float16 (half_bias), float32 or null: the same results as
// depthwise_conv_2d_float32 on the widened values.
void depthwise_conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const Half* weights, const void* bias,
                               bool half_bias, const Dims4& out, float* output);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
