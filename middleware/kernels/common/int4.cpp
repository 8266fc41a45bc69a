#include "common/int4.hpp"

namespace strata {
namespace kernels {

void unpack_int4(const void* packed, uint32_t count, int8_t* out) {
  const uint8_t* src = static_cast<const uint8_t*>(packed);
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t nibble = (src[i / 2] >> (4 * (i & 1))) & 0xFu;
    out[i] = static_cast<int8_t>(static_cast<int32_t>(nibble ^ 8u) - 8);  // sign-extend 4 bits
  }
}

}  // namespace kernels
}  // namespace strata
