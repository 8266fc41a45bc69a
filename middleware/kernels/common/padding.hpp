// Output size and padding of windowed ops (convolutions, pooling) per TFLite's rules.
//
// SAME pads so that out = ceil(in / stride); when the total padding is odd TFLite puts the extra
// row/column at the bottom/right ("offset"). Reference kernels only need the leading padding;
// the offset is kept for optimized kernels that precompute borders.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// Values as in the TFLite schema's Padding enum.
enum class Padding : int8_t { kSame = 0, kValid = 1 };

struct PaddingResult {
  int32_t out_size;  // output extent along this axis
  int32_t before;    // padding before the first input element (top / left)
  int32_t offset;    // 1 when the padding after is one more than before
};

// Returns false for a zero stride or dilation or an unknown padding mode.
bool compute_padding(Padding padding, int32_t in_size, int32_t filter_size, int32_t stride,
                     int32_t dilation, PaddingResult* result);

}  // namespace kernels
}  // namespace strata
