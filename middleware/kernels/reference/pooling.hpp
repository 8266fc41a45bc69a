// Reference MAX_POOL_2D and AVERAGE_POOL_2D compute functions (float32, int8, int16).
//
// Windows are clipped to the input (padding is never read); an int8/int16 average rounds half away
// from zero, as TFLite's reference kernel does.
#pragma once

#include <cstdint>

#include "common/dims.hpp"
#include "common/pool_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void max_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input, const Dims4& out,
                         float* output);
void max_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input, const Dims4& out,
                      int8_t* output);
void max_pool_2d_int16(const PoolParams& p, const Dims4& in, const int16_t* input, const Dims4& out,
                       int16_t* output);
void average_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input,
                             const Dims4& out, float* output);
void average_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input,
                          const Dims4& out, int8_t* output);
void average_pool_2d_int16(const PoolParams& p, const Dims4& in, const int16_t* input,
                           const Dims4& out, int16_t* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
