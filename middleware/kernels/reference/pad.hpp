// Reference PAD (up to 4-D, float32 and int8): copies the input into the middle of the output
// and fills the border with zero (float) or the output zero point (int8), i.e. real 0.
#pragma once

#include <cstdint>

#include "common/dims.hpp"

namespace strata {
namespace kernels {
namespace reference {

// before[d]: elements of padding before the input along dimension d (NHWC order).
void pad_int8(const Dims4& in, const int8_t* input, const int32_t* before, const Dims4& out,
              int8_t pad_value, int8_t* output);
void pad_float32(const Dims4& in, const float* input, const int32_t* before, const Dims4& out,
                 float* output);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
