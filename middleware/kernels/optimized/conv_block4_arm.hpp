// The int8 convolution's hottest loop in Thumb-2 assembly: every output channel for one block of
// 4 output pixels, from the bias through the SMLAD inner product to the requantized int8 outputs.
//
// Why assembly: the inner product pins 13 registers (int8_dot.hpp), so in C++ each channel paid a
// call, spills and reloads (about 100 instructions per channel and block); here the per-channel
// state lives in a 32-byte stack frame the loop addresses directly, which brings the channel
// overhead to about 45 instructions (bias, table entry, four requantizations, stores).
//
// Preconditions (the caller checks them, else it takes the C++ path): Armv7E-M, every channel on
// the fast requantization path (table filled), the activation clamp is the full int8 range (one
// SSAT), bias present. A window length that is not a multiple of 4 reads up to 3 bytes of the
// next weight row in the last group, which meet the block's zero padding and add nothing; so the
// caller must not pass the last row of the weights then (it runs that channel in C++). Results
// are identical to the C++ path.
#pragma once

#include <cstdint>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

struct Block4Args {
  const int8_t* weights;        // row of the first channel
  const uint32_t* block;        // 4-pixel activation block (int8_dot.hpp layout)
  const int32_t* bias;          // first channel's bias
  const ChannelRequant* table;  // first channel's requantization constants
  int8_t* out;                  // output of pixel 0, first channel
  int32_t stride;               // bytes between the outputs of consecutive pixels
  int32_t channels;             // >= 1
  int32_t groups;               // ceil(window length / 4), >= 1
  int32_t row_bytes;            // window length (bytes between weight rows)
  int32_t rewind;               // row_bytes - 4 * groups (0, or -1..-3 for a ragged window)
};

#if STRATA_ARM_DSP
void conv_block4_fast(const Block4Args& args);
#endif

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
