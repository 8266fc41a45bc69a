// Reference SOFTMAX over the last dimension (float32, and int8 -> int8 with output scale 1/256,
// zero point -128). The int8 path is TFLite's fixed-point algorithm: exp of the scaled
// difference to the row maximum in Q5.26, sum in Q12.19, one fixed-point reciprocal per row.
#pragma once

#include <cstdint>

#include "common/nonlinear_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void softmax_float32(float beta, int32_t rows, int32_t depth, const float* input, float* output);

void softmax_int8(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                  int8_t* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
