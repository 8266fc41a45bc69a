// Optimized MAX_POOL_2D and AVERAGE_POOL_2D (float32 and int8) on plain buffers, with the
// reference semantics (reference/pooling.hpp: windows clipped to the input, int8 averages rounded
// half away from zero).
//
// int8 works on 4 channels per 32-bit word: max with SSUB8+SEL, sums with SXTAB16 into two int16
// lanes pairs (exact while a window has at most 256 taps; larger windows sum in int32). Windows
// are clipped once per output pixel, so the tap loops carry no bounds checks.
#pragma once

#include <cstdint>

#include "common/dims.hpp"
#include "common/pool_params.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void max_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input, const Dims4& out,
                         float* output);
void max_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input, const Dims4& out,
                      int8_t* output);
void average_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input,
                             const Dims4& out, float* output);
void average_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input,
                          const Dims4& out, int8_t* output);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
