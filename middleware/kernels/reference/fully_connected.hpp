// Reference FULLY_CONNECTED compute functions (float32, int8, int16, hybrid) on plain buffers.
//
// output[b][u] = act(sum_d input[b][d] * weights[u][d] + bias[u]); int8 accumulates the offset
// input in int32 and requantizes per unit (or once for per-tensor weights).
#pragma once

#include <cstdint>

#include "common/fully_connected_op.hpp"
#include "common/half.hpp"

namespace strata {
namespace kernels {
namespace reference {

void fully_connected_float32(const FullyConnectedParams& p, const float* input,
                             const float* weights, const float* bias, float* output);

// float16 weights read in place (a float16 model's constants); bias float16 (half_bias), float32
// or null. The same results as fully_connected_float32 on the widened values.
void fully_connected_float16(const FullyConnectedParams& p, const float* input, const Half* weights,
                             const void* bias, bool half_bias, float* output);

void fully_connected_int8(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* input,
                          const int8_t* weights, const int32_t* bias, int8_t* output);

// int16 activations, int8 weights; bias: int64 (wide) or int32 entries, or null.
void fully_connected_int16(const FullyConnectedParams& p, const ChannelQuant& q, bool wide,
                           const int16_t* input, const int8_t* weights, const void* bias,
                           int16_t* output);

// scratch: accum_depth bytes.
void fully_connected_hybrid(const FullyConnectedParams& p, const HybridWeights& hw,
                            const float* input, const int8_t* weights, const float* bias,
                            float* output, int8_t* scratch);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
