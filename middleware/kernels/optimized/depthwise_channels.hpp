// The int8 DEPTHWISE_CONV_2D path for depth multiplier 1 that works on the NHWC layout directly,
// four channels per 32-bit word: for each output pixel and group of 4 channels, two taps' words
// are widened (SXTAB16 adds the input offset), re-paired per channel (PKHBT/PKHTB) and fed to
// SMLAD with the channel's weights for the same two taps, packed once per invoke into scratch.
// Four requantized outputs are stored as one word.
//
// Compared with the planar path it needs no per-channel copy of the input, so it wins where that
// copy and the per-channel set-up dominate: small spatial sizes (many channels, few pixels; the
// dispatch is in depthwise_conv_2d.cpp). Taps outside the input point at a row of input zero
// points (they widen to 0).
//
// In-place safety: pixels in order, each pixel's window fully read before its outputs are stored.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// Requirements: depth multiplier 1, channels a multiple of 4, every channel on the fast
// requantization path into the full int8 range, bias present (else the planar path runs).
inline bool channels_path_applies(const ConvParams& p, const Dims4& in) {
  return p.depth_multiplier == 1 && in.c % 4 == 0;
}

// Scratch: packed weights (ceil(taps/2) words per channel), the requantization table (16 bytes
// per channel), the zero-point row (channels bytes) and the tap pointers of one window.
uint32_t channels_scratch_bytes(const Dims4& in, const Dims4& filter);

// false when the layer does not qualify (the caller then takes the planar path).
bool depthwise_channels_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                             const int8_t* input, const Dims4& filter, const int8_t* weights,
                             const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
