// Reference QUANTIZE and DEQUANTIZE compute functions.
//
// QUANTIZE float32 -> int8 rounds x / scale half away from zero (float division, as TFLite)
// then adds the zero point and saturates; int8 -> int8 requantizes with a fixed-point
// multiplier. DEQUANTIZE int8 -> float32 computes scale * (q - zp) in double, and float16 ->
// float32 is an exact widening.
#pragma once

#include <cstdint>

#include "common/nonlinear_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void quantize_float32_int8(float scale, int32_t zero_point, int32_t count, const float* input,
                           int8_t* output);
void quantize_int8_int8(const RequantizeParams& p, int32_t count, const int8_t* input,
                        int8_t* output);
void dequantize_int8_float32(float scale, int32_t zero_point, int32_t count, const int8_t* input,
                             float* output);
void dequantize_float16_float32(int32_t count, const uint8_t* input, float* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
