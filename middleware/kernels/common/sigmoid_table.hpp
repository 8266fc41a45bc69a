// sigmoid(x / 24) for x = 0..255 in Q0.16 (the last entry capped at 65535): the table behind
// TensorFlow Lite's int16 LOGISTIC and TANH (tanh(x) = 2 sigmoid(2x) - 1), which interpolate
// linearly between its entries. The values are TFLite's own (tensorflow/lite/kernels/internal/
// common.h, sigmoid_table_uint16): they are not all round(65536 sigmoid(x / 24)) (some are one
// above or below), so bit-exact results need this exact table; tests/host/kernels/lut_test.cpp
// checks it stays within 2 of the function and increases.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

extern const uint16_t kSigmoidTableQ16[256];

}  // namespace kernels
}  // namespace strata
