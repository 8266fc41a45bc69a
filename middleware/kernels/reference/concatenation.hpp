// Reference CONCATENATION: copies each input's slab along the axis into the output. Works on
// bytes, so it serves every element type (int8 inputs must share the output's quantization).
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {
namespace reference {

// outer: product of dims before the axis; slab_bytes[i]: bytes of input i per outer step.
void concatenate(int32_t num_inputs, const void* const* inputs, const uint32_t* slab_bytes,
                 int32_t outer, void* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
