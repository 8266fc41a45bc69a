// Optimized FULLY_CONNECTED compute functions (float32, int8, hybrid) on plain buffers: the
// reference semantics and signatures (reference/fully_connected.hpp) plus a scratch buffer.
//
// int8 and hybrid widen each input row to int16 once (plus the input offset) and run the weight
// rows against it with SMLAD (fc_dot.hpp): word-aligned rows 16 weights per load, others four rows
// at a time. Requantization constants are computed once per layer for per-tensor weights.
// float32 (and float16 weights, widened as loaded) runs four rows at a time with fused
// multiply-adds.
#pragma once

#include <cstdint>

#include "common/fully_connected_op.hpp"
#include "common/half.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// per_channel: one requantization per unit (the assembly loop then needs a table of them).
uint32_t fully_connected_int8_scratch_bytes(const FullyConnectedParams& p, bool per_channel);
uint32_t fully_connected_hybrid_scratch_bytes(const FullyConnectedParams& p);
// Whether the int8 kernel's scratch may overlay its input (OpRequirements::scratch_overlay):
// one batch widened whole, from the last group down, before anything else is written to scratch.
bool fully_connected_int8_scratch_overlays_input(const FullyConnectedParams& p);

void fully_connected_float32(const FullyConnectedParams& p, const float* input,
                             const float* weights, const float* bias, float* output);

// Float16 weights read in place, bias float16 (half_bias), float32 or null: the same results as
// fully_connected_float32 on the widened values.
void fully_connected_float16(const FullyConnectedParams& p, const float* input, const Half* weights,
                             const void* bias, bool half_bias, float* output);

void fully_connected_int8(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* input,
                          const int8_t* weights, const int32_t* bias, int8_t* output,
                          void* scratch);

void fully_connected_hybrid(const FullyConnectedParams& p, const HybridWeights& hw,
                            const float* input, const int8_t* weights, const float* bias,
                            float* output, void* scratch);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
