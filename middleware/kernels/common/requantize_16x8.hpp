// The output stage of TFLite's 16x8 kernels (int16 activations, int8 weights): the sum of
// products plus the bias, requantized in the bias's width. TFLite accumulates in the bias's
// type: int64 (the converter's default) with the int64 requantization, or int32 (an int32 bias,
// quantized_bias_type) with the int32 one. Kernels sum in int64 either way; the 32-bit form is
// that sum wrapped to 32 bits, which is what TFLite's int32 accumulator holds.
#pragma once

#include <cstdint>
#include <cstring>

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {

// bias: null, or int64 (wide) / int32 entries indexed by c. int64 biases may be only 4-byte
// aligned (the converter's layout), so they are read with memcpy.
inline int32_t requantize_16x8(int64_t sum, const void* bias, int32_t c, bool wide,
                               int32_t multiplier, int32_t shift) {
  if (wide) {
    int64_t b = 0;
    if (bias != nullptr) std::memcpy(&b, static_cast<const uint8_t*>(bias) + 8 * c, sizeof b);
    // Wrapping add: a hostile bias must not overflow (multiply_by_quantized_multiplier_64 clamps).
    const int64_t acc = static_cast<int64_t>(static_cast<uint64_t>(sum) + static_cast<uint64_t>(b));
    return multiply_by_quantized_multiplier_64(acc, multiplier, shift);
  }
  const uint32_t b =
      bias != nullptr ? static_cast<uint32_t>(static_cast<const int32_t*>(bias)[c]) : 0u;
  return multiply_by_quantized_multiplier(static_cast<int32_t>(static_cast<uint32_t>(sum) + b),
                                          multiplier, shift);
}

}  // namespace kernels
}  // namespace strata
