// The float32 logistic and tanh of TFLite's reference kernels, shared by LOGISTIC, TANH and the
// recurrent ops (LSTM gates), so that a gate gives the same value as the standalone op.
#pragma once

#include <cmath>
#include <cstdint>

namespace strata {
namespace kernels {

inline void logistic_float32(int32_t count, const float* input, float* output) {
  // Outside these bounds the float result is exactly 1 (upper) or exp(x) (lower) anyway.
  const float upper = 16.619047164916992188f;
  const float lower = -9.0f;
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    if (v > upper) {
      output[i] = 1.0f;
    } else if (v < lower) {
      output[i] = std::exp(v);
    } else {
      output[i] = 1.0f / (1.0f + std::exp(-v));
    }
  }
}

inline void tanh_float32(int32_t count, const float* input, float* output) {
  for (int32_t i = 0; i < count; ++i) output[i] = std::tanh(input[i]);
}

}  // namespace kernels
}  // namespace strata
