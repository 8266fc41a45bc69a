// INT4 tensors (packed weights): two signed 4-bit values a byte, the even element in the low
// nibble, as TensorFlow Lite's converter writes them.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// Sign-extends `count` packed values into one int8 each.
void unpack_int4(const void* packed, uint32_t count, int8_t* out);

}  // namespace kernels
}  // namespace strata
