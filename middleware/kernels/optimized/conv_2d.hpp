// Optimized CONV_2D compute functions (float32, int8, hybrid) on plain buffers, with the same
// semantics and signatures as reference/conv_2d.hpp plus a scratch buffer.
//
// int8 and hybrid run through the int8 engine (conv_engine.hpp: im2col of 4 output pixels,
// SMLAD inner product, one requantization per output); float32 is a 4 pixel x 4 channel register
// block of fused multiply-adds over the same gathered windows. Outputs are bit-exact with the
// reference for int8; float32 and hybrid differ only by float rounding (fused multiply-add, sum
// order). Scratch sizes depend only on the shapes; the kernel API adapter (conv_2d.cpp) requests
// them at check time.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/half.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace optimized {

uint32_t conv_2d_int8_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out);
uint32_t conv_2d_hybrid_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out);
uint32_t conv_2d_float32_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out);

void conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in, const int8_t* input,
                  const Dims4& filter, const int8_t* weights, const int32_t* bias, const Dims4& out,
                  int8_t* output, void* scratch);

void conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                    const float* input, const Dims4& filter, const int8_t* weights,
                    const float* bias, const Dims4& out, float* output, void* scratch);

void conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const float* weights, const float* bias, const Dims4& out, float* output,
                     void* scratch);

// Float16 weights read in place, bias float16 (half_bias), float32 or null; the float32 kernel's
// scratch and the same results as it on the widened values.
void conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const Half* weights, const void* bias, bool half_bias, const Dims4& out,
                     float* output, void* scratch);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
