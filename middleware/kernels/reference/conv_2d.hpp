// Reference CONV_2D compute functions (float32, int8 per-channel, hybrid) on plain buffers.
//
// These are the specification of the op: straightforward loops over output pixels and channels,
// TFLite semantics (grouped filters when the input depth is a multiple of the filter depth,
// implicit zero padding, dilation). Callable directly from tests and from the optimized backend's
// cross-checks; the interpreter reaches them through the adapter in conv_2d.cpp.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/half.hpp"

namespace strata {
namespace kernels {

// Scales of int8 weights in a hybrid op.
struct HybridWeights {
  const float* filter_scales;  // one per output channel, or one for all
  bool per_channel;
  bool asymmetric_inputs;  // quantize each input batch with a zero point (else symmetric)
};

namespace reference {

// filter: [out_c, kh, kw, in_c / groups]; bias: [out_c] or null.
void conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const float* weights, const float* bias, const Dims4& out, float* output);

// float16 weights read in place (a float16 model's constants); bias: float16 when half_bias, else
// float32, or null. The same results as conv_2d_float32 on the widened values.
void conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const Half* weights, const void* bias, bool half_bias, const Dims4& out,
                     float* output);

void conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in, const int8_t* input,
                  const Dims4& filter, const int8_t* weights, const int32_t* bias, const Dims4& out,
                  int8_t* output);

// int16 activations, int8 weights; bias: int64 (wide) or int32 entries, or null.
void conv_2d_int16(const ConvParams& p, const ChannelQuant& q, bool wide, const Dims4& in,
                   const int16_t* input, const Dims4& filter, const int8_t* weights,
                   const void* bias, const Dims4& out, int16_t* output);

// scratch: in.h * in.w * in.c bytes (one quantized input batch).
void conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                    const float* input, const Dims4& filter, const int8_t* weights,
                    const float* bias, const Dims4& out, float* output, int8_t* scratch);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
