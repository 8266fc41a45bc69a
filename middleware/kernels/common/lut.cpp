#include "common/lut.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {

void populate_lut_int8(float input_scale, int32_t input_zero_point, float output_scale,
                       int32_t output_zero_point, float (*function)(float), int8_t* lut) {
  const float inverse_scale = 1.0f / output_scale;
  for (int32_t q = -128; q <= 127; ++q) {
    const float x = input_scale * static_cast<float>(q - input_zero_point);
    const float rescaled = round_half_away(function(x) * inverse_scale);
    // The zero point is added in float, then the sum saturated (TFLite converts, then clamps;
    // for every representable result the two agree, and this stays defined for the rest).
    const float v = rescaled + static_cast<float>(output_zero_point);
    const int32_t saturated = !(v > -128.0f) ? -128 : (v > 127.0f ? 127 : static_cast<int32_t>(v));
    lut[static_cast<uint8_t>(q)] = static_cast<int8_t>(saturated);
  }
}

int16_t lut_lookup_int16(int16_t x, const int16_t* lut) {
  const int32_t index = 256 + (x >> 7);  // 0..511
  const int32_t offset = x & 0x7F;
  const int32_t base = lut[index];
  // The slope is the difference of neighbours as an int16 (TFLite's type).
  const int32_t slope = static_cast<int16_t>(lut[index + 1] - lut[index]);
  return static_cast<int16_t>(base + ((slope * offset + 64) >> 7));
}

}  // namespace kernels
}  // namespace strata
