#include "common/activation.hpp"

#include <cfloat>

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {

bool activation_range_float(FusedActivation act, FloatRange* range) {
  switch (act) {
    case FusedActivation::kNone:
      *range = {-FLT_MAX, FLT_MAX};
      return true;
    case FusedActivation::kRelu:
      *range = {0.0f, FLT_MAX};
      return true;
    case FusedActivation::kReluN1To1:
      *range = {-1.0f, 1.0f};
      return true;
    case FusedActivation::kRelu6:
      *range = {0.0f, 6.0f};
      return true;
    default:
      return false;
  }
}

bool activation_range_quantized(FusedActivation act, float scale, int32_t zero_point, int32_t qmin,
                                int32_t qmax, QuantRange* range) {
  range->min = qmin;
  range->max = qmax;
  switch (act) {
    case FusedActivation::kNone:
      return true;
    case FusedActivation::kRelu:
      range->min = quantize_value(0.0f, scale, zero_point);
      break;
    case FusedActivation::kReluN1To1:
      range->min = quantize_value(-1.0f, scale, zero_point);
      range->max = quantize_value(1.0f, scale, zero_point);
      break;
    case FusedActivation::kRelu6:
      range->min = quantize_value(0.0f, scale, zero_point);
      range->max = quantize_value(6.0f, scale, zero_point);
      break;
    default:
      return false;
  }
  // TFLite takes max(qmin, lo) and min(qmax, hi) independently.
  if (range->min < qmin) range->min = qmin;
  if (range->max > qmax) range->max = qmax;
  return true;
}

}  // namespace kernels
}  // namespace strata
