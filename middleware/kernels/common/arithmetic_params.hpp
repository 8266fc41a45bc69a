// Prepare-time parameters of the elementwise ADD and MUL kernels (int8 and float32), and of
// the 4-D broadcast both support.
//
// int8 ADD uses TFLite's scheme: both inputs are shifted left by 20 bits, rescaled to a common
// scale of twice the larger input scale, summed, and requantized to the output. int8 MUL
// requantizes the product of the offset inputs with one multiplier. Arena-resident: fixed-width.
#pragma once

#include <cstdint>

#include "common/activation.hpp"

namespace strata {
namespace kernels {

struct ArithmeticParams {
  int32_t input1_offset;  // -zero point
  int32_t input2_offset;
  int32_t output_offset;  // +zero point
  int32_t left_shift;     // ADD only
  int32_t input1_multiplier;
  int32_t input2_multiplier;
  int32_t output_multiplier;
  int8_t input1_shift;
  int8_t input2_shift;
  int8_t output_shift;
  int8_t reserved;
  int32_t act_min;
  int32_t act_max;
  float act_min_f;
  float act_max_f;
};
static_assert(sizeof(ArithmeticParams) == 48, "arena-resident layout");

// Per-dimension strides (in elements) of both inputs over the output's 4-D index space; a stride
// of 0 repeats the input along that axis.
struct Broadcast4 {
  int32_t out[4];
  int32_t stride1[4];
  int32_t stride2[4];
};

// Shapes are right-aligned (as numpy does) and padded to 4-D with ones. Returns false when a
// dimension differs and neither is 1, or rank > 4.
bool compute_broadcast(const int32_t* dims1, int32_t rank1, const int32_t* dims2, int32_t rank2,
                       Broadcast4* b);

bool compute_add_params_int8(float scale1, int32_t zp1, float scale2, int32_t zp2, float out_scale,
                             int32_t out_zp, FusedActivation act, ArithmeticParams* p);

bool compute_mul_params_int8(float scale1, int32_t zp1, float scale2, int32_t zp2, float out_scale,
                             int32_t out_zp, FusedActivation act, ArithmeticParams* p);

bool compute_arithmetic_params_float(FusedActivation act, ArithmeticParams* p);

}  // namespace kernels
}  // namespace strata
