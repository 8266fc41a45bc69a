// Reference element-wise activation compute functions: LOGISTIC, TANH, RELU, RELU6 (float32 and
// int8). int8 LOGISTIC/TANH use TFLite's fixed-point logistic/tanh on a Q4.27 input; RELU
// requantizes to the output scale; RELU6 clamps in the input's quantized domain.
#pragma once

#include <cstdint>

#include "common/nonlinear_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void logistic_float32(int32_t count, const float* input, float* output);
void logistic_int8(const SigmoidParams& p, int32_t count, const int8_t* input, int8_t* output);
void tanh_float32(int32_t count, const float* input, float* output);
void tanh_int8(const SigmoidParams& p, int32_t count, const int8_t* input, int8_t* output);
void relu_float32(int32_t count, const float* input, float* output);
void relu6_float32(int32_t count, const float* input, float* output);
// RELU int8: requantize with p, then clamp to [p.act_min, p.act_max].
void relu_int8(const RequantizeParams& p, int32_t count, const int8_t* input, int8_t* output);
// RELU6 int8: clamp to [p.act_min, p.act_max] without rescaling.
void relu6_int8(const RequantizeParams& p, int32_t count, const int8_t* input, int8_t* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
