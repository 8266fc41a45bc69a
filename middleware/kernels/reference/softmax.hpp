// Reference SOFTMAX over the last dimension: exp(beta * (x - max)) / sum.
//   float32.
//   int8 input: TFLite's fixed-point algorithm, exp of the scaled difference to the row maximum in
//     Q5.26, sum in Q12.19, one fixed-point reciprocal per row; output int8 (scale 1/256, zero
//     point -128) or int16 (scale 1/65536, zero point -32768).
//   int16 input and output (scale 1/32768, zero points 0): TFLite's interpolated int16 tables of
//     exp on [-10, 0] and of 1 / (1 + x), the difference to the maximum rescaled so that 65535
//     steps span [-10, 0].
#pragma once

#include <cstdint>

#include "common/nonlinear_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void softmax_float32(float beta, int32_t rows, int32_t depth, const float* input, float* output);

// `output` is int8_t, or int16_t when int16_output.
void softmax_int8(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                  void* output, bool int16_output);

// p.input_multiplier / input_left_shift: input scale * beta / (10 / 65535) as multiplier and shift.
void softmax_int16(const SoftmaxParams& p, int32_t rows, int32_t depth, const int16_t* input,
                   int16_t* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
