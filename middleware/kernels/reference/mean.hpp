// Reference MEAN over any set of axes of an up-to-4-D tensor (float32 and int8).
//
// int8 follows TensorFlow Lite Micro: with identical input/output quantization the integer sum
// is divided (truncating) by the element count; otherwise the zero-point-corrected sum is
// requantized with a multiplier that folds in 1/count.
#pragma once

#include <cstdint>

#include "common/dims.hpp"

namespace strata {
namespace kernels {

struct MeanParams {
  Dims4 input;           // padded to 4-D with leading ones
  uint32_t reduce_mask;  // bit d set: dimension d is reduced
  int32_t count;         // elements summed per output
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // input_scale / output_scale / count (requantizing path)
  int32_t shift;
  int32_t same_quant;  // 1: plain truncating average
  int32_t reserved;
};
static_assert(sizeof(MeanParams) == 48, "arena-resident layout");

namespace reference {

void mean_float32(const MeanParams& p, const float* input, float* output);
// sums: one int32 per output element.
void mean_int8(const MeanParams& p, const int8_t* input, int8_t* output, int32_t* sums);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
