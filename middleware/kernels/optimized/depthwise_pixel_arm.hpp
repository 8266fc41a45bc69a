// The inner loop of the channel-group depthwise path (depthwise_channels.hpp): all channel groups
// of one output pixel, from the folded bias through the window's taps to the requantized int8
// outputs. Thumb-2 assembly on Armv7E-M (the per-tap loop needs all 13 registers; the per-group
// state lives in a stack frame), portable C++ elsewhere (depthwise_channels.cpp).
#pragma once

#include <cstdint>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

struct DwPixelArgs {
  const int8_t* const* tap_ptrs;  // `taps` pixel base pointers (padding: the zero-point row)
  int32_t taps;                   // >= 1
  const uint32_t* weights;        // per group of 4 channels, per tap: (w0,w2), (w1,w3) int16
  const int32_t* bias;            // folded bias, per channel
  const ChannelRequant* table;    // per channel
  int8_t* out;                    // the pixel's first output channel
  int32_t channels;               // a multiple of 4
  int32_t reserved;
};

void dw_pixel_groups(const DwPixelArgs& args);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
