// Reference compute functions of the binary arithmetic ops on plain buffers, and the rescaling
// step they share. Every function walks a BroadcastPlan (common/broadcast.hpp); flat_plan(count)
// when both inputs have the output's shape.
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"
#include "common/broadcast.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {

// A quantized input of ADD, SUB, SQUARED_DIFFERENCE or a comparison moved to the op's common
// scale: (v - zero point) shifted left for headroom, times the input's multiplier.
inline int32_t rescale_input(int32_t v, int32_t offset, int32_t left_shift, int32_t multiplier,
                             int32_t shift) {
  return multiply_by_quantized_multiplier((offset + v) * (1 << left_shift), multiplier, shift);
}

// Both inputs of a binary op on its common scale.
struct Rescaled {
  int32_t x;
  int32_t y;
};
inline Rescaled rescale_inputs(int32_t x, int32_t y, const ArithmeticParams& p) {
  const int32_t x_shifted = (p.input1_offset + x) * (1 << p.left_shift);
  const int32_t y_shifted = (p.input2_offset + y) * (1 << p.left_shift);
  return {multiply_by_quantized_multiplier(x_shifted, p.input1_multiplier, p.input1_shift),
          multiply_by_quantized_multiplier(y_shifted, p.input2_multiplier, p.input2_shift)};
}

// The quantized result: requantized to the output, offset and clamped to the activation range.
inline int32_t requantize_output(int32_t raw, const ArithmeticParams& p) {
  return clamp_i32(
      multiply_by_quantized_multiplier(raw, p.output_multiplier, p.output_shift) + p.output_offset,
      p.act_min, p.act_max);
}

// The float activation range as a value: captured by copy, its bounds stay in registers (a float
// store could alias the params' float fields and force a reload per element).
struct FloatClamp {
  float lo;
  float hi;
  float operator()(float v) const { return v < lo ? lo : (v > hi ? hi : v); }
};
inline FloatClamp float_clamp(const ArithmeticParams& p) { return {p.act_min_f, p.act_max_f}; }

void add_float32(const ArithmeticParams& p, const BroadcastPlan& plan, const float* a,
                 const float* b, float* out);
void add_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out);
void mul_float32(const ArithmeticParams& p, const BroadcastPlan& plan, const float* a,
                 const float* b, float* out);
void mul_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
