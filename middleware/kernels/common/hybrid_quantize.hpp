// On-the-fly quantization of float activations for hybrid (dynamic-range) kernels: int8 weights,
// float inputs and outputs.
//
// Follows TensorFlow Lite's hybrid semantics: each batch row of the input is quantized to int8
// either symmetrically (zero point 0, range max|x| -> 127) or asymmetrically (min/max including
// 0 mapped onto [-128, 127] with a nudged zero point); the kernel accumulates in int32 and
// scales back with input_scale * filter_scale.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

struct DynamicQuant {
  float scale;         // real value of one input step
  int32_t zero_point;  // 0 for symmetric
};

// Symmetric: q = round(x * 127 / max|x|) in [-127, 127]. All-zero input gives scale 1.
DynamicQuant quantize_symmetric(const float* values, int32_t count, int8_t* quantized);

// Asymmetric over [min(x, 0), max(x, 0)] -> [-128, 127]. Constant input gives scale 1, zp 0.
DynamicQuant quantize_asymmetric(const float* values, int32_t count, int8_t* quantized);

}  // namespace kernels
}  // namespace strata
