// FillPattern (see input_pattern.hpp).
#include "input_pattern.hpp"

#include <cstring>

namespace strata_run {

void FillPattern(const strata::TensorView& t, uint32_t input_index) {
  uint32_t s = 12345u + input_index;
  uint8_t* p = static_cast<uint8_t*>(t.data);
  for (uint32_t i = 0; i < t.elements; ++i) {
    s = s * 1664525u + 1013904223u;
    switch (t.type) {
      case strata::DataType::kFloat32: {
        const float f = static_cast<float>(s >> 8) / 8388608.0f - 1.0f;
        std::memcpy(p + 4 * i, &f, 4);
        break;
      }
      case strata::DataType::kInt16: {
        const int16_t v = static_cast<int16_t>(s >> 16);
        std::memcpy(p + 2 * i, &v, 2);
        break;
      }
      case strata::DataType::kInt32:
        std::memcpy(p + 4 * i, &s, 4);
        break;
      default:
        p[i] = static_cast<uint8_t>(s >> 24);
        break;  // int8, uint8, bool
    }
  }
}

}  // namespace strata_run
