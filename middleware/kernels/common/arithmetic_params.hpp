// Prepare-time parameters of the binary element-wise kernels (ADD, SUB, MUL, DIV,
// SQUARED_DIFFERENCE, the comparisons), computed as TensorFlow Lite's kernels compute them so the
// integer results are bit-exact with TensorFlow Lite Micro.
//
// Quantized ADD and SUB use TFLite's general-scale scheme: both inputs are shifted left (20 bits
// for int8, 15 for int16), rescaled to a common scale of twice the larger input scale, combined,
// and requantized to the output. MUL requantizes the product of the offset inputs with one
// multiplier, DIV the quotient. Arena-resident: fixed-width fields only.
#pragma once

#include <cstdint>

#include "common/activation.hpp"

namespace strata {
namespace kernels {

struct ArithmeticParams {
  int32_t input1_offset;  // -zero point
  int32_t input2_offset;
  int32_t output_offset;  // +zero point
  int32_t left_shift;     // ADD, SUB, SQUARED_DIFFERENCE, comparisons
  int32_t input1_multiplier;
  int32_t input2_multiplier;
  int32_t output_multiplier;
  int8_t input1_shift;
  int8_t input2_shift;
  int8_t output_shift;
  int8_t reserved;
  int32_t act_min;  // quantized and int32 clamp range
  int32_t act_max;
  float act_min_f;
  float act_max_f;
};
static_assert(sizeof(ArithmeticParams) == 48, "arena-resident layout");

// Quantization of the two inputs and the output of a binary op, and the output type's range
// ([-128, 127] for int8, [-32768, 32767] for int16).
struct BinaryQuant {
  float scale1;
  int32_t zero_point1;
  float scale2;
  int32_t zero_point2;
  float out_scale;
  int32_t out_zero_point;
  int32_t qmin;
  int32_t qmax;
};

// Each returns false when the activation is not a clamp or the scales give a multiplier TFLite
// refuses.
bool compute_add_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p);
// As ADD, but TFLite's SUB computes its real multipliers in single precision.
bool compute_sub_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p);
bool compute_mul_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p);
bool compute_div_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p);
// No activation: the output type's whole range.
bool compute_squared_difference_params(const BinaryQuant& q, ArithmeticParams* p);
// Both inputs rescaled by their own scale (which must be below 1) after an 8-bit left shift, so
// values of different scales compare in one domain. Output quantization is not used.
bool compute_comparison_params(const BinaryQuant& q, ArithmeticParams* p);

// float32 ops: the activation's clamp range.
bool compute_arithmetic_params_float(FusedActivation act, ArithmeticParams* p);
// int32 ops: the activation's clamp range in integers (RELU6: [0, 6]).
bool compute_arithmetic_params_int32(FusedActivation act, ArithmeticParams* p);

}  // namespace kernels
}  // namespace strata
