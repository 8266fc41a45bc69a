// Lookup tables of element-wise functions, built and read as TensorFlow Lite's reference kernels
// do, so results are bit-exact with TensorFlow Lite Micro.
//
// int8: 256 entries, one per input value, indexed by the value's bit pattern (uint8_t(q)).
// int16: 513 entries sampling [-32768, 32768] every 128 input steps; a lookup interpolates
// linearly between neighbours with 7 fractional bits.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// lut[uint8_t(q)] = saturate(round(f(in_scale * (q - in_zp)) / out_scale) + out_zp) for every int8
// q, in single precision like TFLite (round half away from zero). f must be defined everywhere on
// the input range.
void populate_lut_int8(float input_scale, int32_t input_zero_point, float output_scale,
                       int32_t output_zero_point, float (*function)(float), int8_t* lut);

inline int8_t lut_lookup_int8(int8_t x, const int8_t* lut) { return lut[static_cast<uint8_t>(x)]; }

int16_t lut_lookup_int16(int16_t x, const int16_t* lut);

}  // namespace kernels
}  // namespace strata
