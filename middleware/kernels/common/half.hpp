// IEEE 754 binary16 ("float16") to binary32 conversion, for DEQUANTIZE of float16 weights.
//
// Exact for every input: normals, subnormals (which become normal floats), signed zeros,
// infinities and NaNs (payload kept, shifted into the float's mantissa). No FPU half support
// needed, so it behaves identically on the host and on any Cortex-M.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

float half_to_float(uint16_t h);

// Converts count little-endian halves from src (any alignment) to dst.
void half_to_float_array(const uint8_t* src, int32_t count, float* dst);

}  // namespace kernels
}  // namespace strata
