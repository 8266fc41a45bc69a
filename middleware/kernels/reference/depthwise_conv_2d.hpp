// Reference DEPTHWISE_CONV_2D compute functions (float32, int8 per-channel, hybrid).
//
// Output channel oc = ic * depth_multiplier + m reads only input channel ic; the filter is
// [1, kh, kw, in_c * depth_multiplier] and per-channel quantization runs along its last axis.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace reference {

void depthwise_conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const float* weights, const float* bias,
                               const Dims4& out, float* output);

// float16 weights read in place; bias float16 (half_bias), float32 or null (see conv_2d_float16).
void depthwise_conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const Half* weights, const void* bias,
                               bool half_bias, const Dims4& out, float* output);

void depthwise_conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                            const int8_t* input, const Dims4& filter, const int8_t* weights,
                            const int32_t* bias, const Dims4& out, int8_t* output);

// int16 activations, int8 weights; bias: int64 (wide) or int32 entries, or null.
void depthwise_conv_2d_int16(const ConvParams& p, const ChannelQuant& q, bool wide, const Dims4& in,
                             const int16_t* input, const Dims4& filter, const int8_t* weights,
                             const void* bias, const Dims4& out, int16_t* output);

// scratch: in.h * in.w * in.c bytes.
void depthwise_conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                              const float* input, const Dims4& filter, const int8_t* weights,
                              const float* bias, const Dims4& out, float* output, int8_t* scratch);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
