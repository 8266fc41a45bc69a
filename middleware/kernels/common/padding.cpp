#include "common/padding.hpp"

namespace strata {
namespace kernels {

bool compute_padding(Padding padding, int32_t in_size, int32_t filter_size, int32_t stride,
                     int32_t dilation, PaddingResult* result) {
  if (stride <= 0 || dilation <= 0 || filter_size <= 0) return false;
  const int32_t effective_filter = (filter_size - 1) * dilation + 1;
  int32_t out = 0;
  if (padding == Padding::kSame) {
    out = (in_size + stride - 1) / stride;
  } else if (padding == Padding::kValid) {
    out = (in_size + stride - effective_filter) / stride;
  } else {
    return false;
  }
  if (out < 0) out = 0;
  int32_t total = (out - 1) * stride + effective_filter - in_size;
  if (total < 0) total = 0;
  result->out_size = out;
  // VALID outputs never read outside the input; TFLite still computes the formula for SAME only.
  result->before = padding == Padding::kSame ? total / 2 : 0;
  result->offset = padding == Padding::kSame ? total % 2 : 0;
  return true;
}

}  // namespace kernels
}  // namespace strata
