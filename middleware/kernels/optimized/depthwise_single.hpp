// DEPTHWISE_CONV_2D with a single input channel and a small filter (the first layer of image
// models: person_detect's 3x3 x8, the MNIST models' 3x3 x32): every output channel reads the same
// window, so each window is gathered once per pixel as int16 pairs (offset added, padding 0) and
// every channel runs SMLAD over it with its weights packed in tap pairs once per invoke. Per
// channel and pixel that is ceil(taps/2) loads and SMLADs plus the requantization, with no im2col
// block and no per-channel bookkeeping.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/int8_dot.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// Filters up to this many taps take this path (pairs held in registers).
constexpr int32_t kSingleMaxPairs = 8;

inline bool single_channel_applies(const Dims4& in, const Dims4& filter) {
  return in.c == 1 && (filter.h * filter.w + 1) / 2 <= kSingleMaxPairs;
}

// Scratch: packed weight pairs (channels * pairs words), rounded to 8 bytes.
inline uint32_t single_channel_scratch_bytes(const Dims4& filter) {
  return (static_cast<uint32_t>(filter.c * ((filter.h * filter.w + 1) / 2)) * 4u + 7u) & ~7u;
}

// wp[m * pairs + i] = (w[2i][m], w[2i+1][m]) for taps t = ky * kw + kx (the last one alone).
void pack_single_channel_weights(const Dims4& filter, const int8_t* weights, uint32_t* wp);

// The window of output pixel (oy, ox) as `pairs` words of int16 pairs plus `offset` (padding 0).
void gather_single_channel(const ConvParams& p, const Dims4& in, const int8_t* batch,
                           const Dims4& filter, int32_t oy, int32_t ox, int32_t offset,
                           uint32_t* x);

// All outputs: emit(m, acc, pixel) for every output pixel (numbered across batches) and channel;
// acc is the plain window sum (no bias).
template <int P, class Emit>
void single_channel_pixels(const ConvParams& p, const Dims4& in, const int8_t* input,
                           const Dims4& filter, const Dims4& out, int32_t offset,
                           const uint32_t* wp, Emit& emit) {
  const int32_t channels = out.c;
  int32_t pixel = 0;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, ++pixel) {
        uint32_t x[P];
        gather_single_channel(p, in, batch, filter, oy, ox, offset, x);
        const uint32_t* w = wp;
        for (int32_t m = 0; m < channels; ++m, w += P) {
          int32_t acc = 0;
#pragma GCC unroll 8
          for (int i = 0; i < P; ++i) acc = dsp::smlad(x[i], w[i], acc);
          emit(m, acc, pixel);
        }
      }
    }
  }
}

// The int8 fast case in one loop with every constant in a local (no output object whose fields
// the int8 stores could alias): bias, table entry, SMLADs, requantization, SSAT.
template <int P>
void single_channel_int8_fast(const ConvParams& p, const Dims4& in, const int8_t* input,
                              const Dims4& filter, const Dims4& out, const uint32_t* wp,
                              const int32_t* bias, const ChannelRequant* table, int8_t* output) {
  const int32_t channels = out.c;
  int8_t* dst = output;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        uint32_t x[P];
        gather_single_channel(p, in, batch, filter, oy, ox, p.input_offset, x);
        const uint32_t* w = wp;
        const ChannelRequant* r = table;
        for (int32_t m = 0; m < channels; ++m, w += P, ++r) {
          int32_t acc = bias[m];
#pragma GCC unroll 8
          for (int i = 0; i < P; ++i) acc = dsp::smlad(x[i], w[i], acc);
          *dst++ = static_cast<int8_t>(dsp::ssat<8>(requantize_fast(acc, *r)));
        }
      }
    }
  }
}

// Dispatches on the number of pairs (1..kSingleMaxPairs).
template <class Emit>
void single_channel_run(const ConvParams& p, const Dims4& in, const int8_t* input,
                        const Dims4& filter, const Dims4& out, int32_t offset, const uint32_t* wp,
                        Emit& emit) {
  switch ((filter.h * filter.w + 1) / 2) {
    case 1:
      return single_channel_pixels<1>(p, in, input, filter, out, offset, wp, emit);
    case 2:
      return single_channel_pixels<2>(p, in, input, filter, out, offset, wp, emit);
    case 3:
      return single_channel_pixels<3>(p, in, input, filter, out, offset, wp, emit);
    case 4:
      return single_channel_pixels<4>(p, in, input, filter, out, offset, wp, emit);
    case 5:
      return single_channel_pixels<5>(p, in, input, filter, out, offset, wp, emit);
    case 6:
      return single_channel_pixels<6>(p, in, input, filter, out, offset, wp, emit);
    case 7:
      return single_channel_pixels<7>(p, in, input, filter, out, offset, wp, emit);
    default:
      return single_channel_pixels<8>(p, in, input, filter, out, offset, wp, emit);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata

namespace strata {
namespace kernels {
namespace optimized {

template <class... Args>
void single_channel_int8_fast_run(int32_t pairs, Args&&... args) {
  switch (pairs) {
    case 1:
      return single_channel_int8_fast<1>(args...);
    case 2:
      return single_channel_int8_fast<2>(args...);
    case 3:
      return single_channel_int8_fast<3>(args...);
    case 4:
      return single_channel_int8_fast<4>(args...);
    case 5:
      return single_channel_int8_fast<5>(args...);
    case 6:
      return single_channel_int8_fast<6>(args...);
    case 7:
      return single_channel_int8_fast<7>(args...);
    default:
      return single_channel_int8_fast<8>(args...);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
