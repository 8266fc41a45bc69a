// Integer quantization arithmetic shared by every int8 kernel (reference and optimized).
//
// These functions define Strata's int8 semantics: they reproduce TensorFlow Lite's reference
// ("double rounding") fixed-point requantization bit for bit, so a model quantized by the TFLite
// converter computes the same integers here as in TensorFlow Lite Micro's reference kernels.
// Everything is plain integer code except quantize_multiplier() (and quantize_scale_ratio()'s
// fallback for scales that are not positive normal floats), which run at prepare time.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// a * b / 2^31 rounded to nearest with ties toward +infinity, saturating INT32_MIN * INT32_MIN.
// Same result as the Arm VQRDMULH instruction.
int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b);

// x / 2^exponent rounded to nearest, ties away from zero. exponent in [0, 31].
int32_t rounding_divide_by_pot(int32_t x, int exponent);

// x * 2^exponent: a saturating left shift for exponent > 0, rounding_divide_by_pot otherwise.
int32_t saturating_rounding_multiply_by_pot(int32_t x, int exponent);

// x * multiplier * 2^shift where multiplier is a Q0.31 value in [0.5, 1): the requantization step
// of every int8 kernel. Positive shift scales up before the multiply, negative shift is a rounding
// right shift after it (the two-rounding variant TFLite uses unless TFLITE_SINGLE_ROUNDING is set).
int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

// The same scaling for the int64 accumulators of the 16x8 kernels (TFLite's int64 overload of
// MultiplyByQuantizedMultiplier): the multiplier is first rounded to 16 bits, then one rounding
// right shift (ties toward +infinity). Valid for |x| < 2^47 and shift < 8, TFLite's domain; x and
// shift outside it are clamped into it (a hostile model cannot reach undefined behaviour).
int32_t multiply_by_quantized_multiplier_64(int64_t x, int32_t multiplier, int shift);

// Splits a real multiplier into a Q0.31 significand and a power-of-two exponent such that
// real ~= multiplier * 2^(shift - 31). Zero and multipliers below 2^-32 give (0, 0).
void quantize_multiplier(double real_multiplier, int32_t* multiplier, int* shift);

// quantize_multiplier(double(a) * double(b) / double(c)), bit for bit, in integer arithmetic when
// a, b and c are positive normal floats (every real scale): a prepare-time saving on cores without
// a double-precision FPU, where the double path is a software division per output channel. Any
// other input (zero, negative, subnormal, infinite, NaN) takes the double path itself.
void quantize_scale_ratio(float a, float b, float c, int32_t* multiplier, int* shift);

// std::round semantics (half away from zero) without pulling libm into firmware.
double round_half_away(double x);
float round_half_away(float x);

// round_half_away converted to int32 without undefined behaviour: saturates out-of-range values and
// maps NaN to 0, so hostile models (zero or NaN scales, inf weights) cannot reach a bad conversion.
int32_t round_to_i32(double x);
int32_t round_to_i32(float x);  // same, in single precision (no soft-float double on Cortex-M)

// Quantizes one float with TFLite's rounding (float division, round half away from zero),
// without clamping.
int32_t quantize_value(float value, float scale, int32_t zero_point);

// True when x > 0 is a power of two as TFLite's CheckedLog2 judges it (|log2 x - round(log2 x)| <
// 1e-3); *exponent = round(log2 x) either way. Used where TFLite requires power-of-two scales.
bool checked_log2(float x, int* exponent);

// Clamps to [lo, hi].
inline int32_t clamp_i32(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

}  // namespace kernels
}  // namespace strata
