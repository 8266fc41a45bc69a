// The int8 convolution engine behind the optimized CONV_2D (int8 and hybrid) and the depthwise
// cases that are convolutions in disguise (one input channel, or a depth multiplier > 1 run as a
// grouped convolution).
//
// Output pixels are taken in row-major order in blocks of 4: the 4 windows are gathered
// (im2col; a 1x1 filter reads the input in place), offset by the input zero point and widened to
// int16 once, then every output channel runs one weight row against all 4 (int8_dot.hpp), so each
// weight is loaded and unpacked once per 4 pixels and each activation once per channel. A Sink
// turns each channel's 4 accumulators into outputs (int8 requantization, or float for hybrid).
//
// In-place safety: all windows of a block are copied before any of its outputs is written, and
// blocks go in pixel order, so the kernel honours the contract of WindowInplaceLead. Grouped
// convolutions go one pixel at a time (a later group's window of pixel p+1 could otherwise sit
// under pixel p+1's output).
#pragma once

#include <cstdint>

#include "optimized/im2col.hpp"
#include "optimized/int8_dot.hpp"

namespace strata {
namespace kernels {
namespace optimized {

struct Int8ConvPlan {
  WindowGeometry8 window;  // `input` is set per batch by the engine
  int32_t batches;
  int32_t out_h, out_w;
  int32_t groups;         // 1 for a plain convolution
  int32_t out_per_group;  // output channels per group
  int32_t input_offset;   // added to every input value (-zero point)
};

constexpr int32_t kConvBlock = 4;

// Scratch the engine needs for this plan (the window row and one block).
inline uint32_t conv_engine_scratch_bytes(const Int8ConvPlan& plan) {
  const int32_t k = window_size(plan.window);
  return ((static_cast<uint32_t>(k) + 7u) & ~7u) + block_bytes(k, kConvBlock);
}

namespace detail {

// All output channels of one group for a block of N pixels starting at `pixel`.
template <int N, class Sink>
void conv_channels(const int8_t* weights, int32_t k, int32_t oc_begin, int32_t oc_end,
                   const uint32_t* block, int32_t pixel, Sink& sink) {
  const int8_t* w = weights + oc_begin * k;
  for (int32_t oc = oc_begin; oc < oc_end; ++oc, w += k) {
    const int32_t init = sink.initial(oc);
    int32_t acc[N];
#pragma GCC unroll 8
    for (int j = 0; j < N; ++j) acc[j] = init;
    dot_block<N>(w, k, block, acc);
    sink.template put<N>(oc, acc, pixel);
  }
}

template <class Sink>
void conv_block(const int8_t* weights, int32_t k, int32_t oc_begin, int32_t oc_end, int32_t n,
                const uint32_t* block, int32_t pixel, Sink& sink) {
  switch (n) {
    case 4:
      if (oc_end > oc_begin && sink.block4(weights, k, oc_begin, oc_end, block, pixel)) break;
      conv_channels<4>(weights, k, oc_begin, oc_end, block, pixel, sink);
      break;
    case 3:
      conv_channels<3>(weights, k, oc_begin, oc_end, block, pixel, sink);
      break;
    case 2:
      conv_channels<2>(weights, k, oc_begin, oc_end, block, pixel, sink);
      break;
    default:
      conv_channels<1>(weights, k, oc_begin, oc_end, block, pixel, sink);
      break;
  }
}

// One batch of an ungrouped convolution; `pixel_base` numbers its first output pixel.
template <class Sink>
void conv_batch_blocked(const Int8ConvPlan& plan, const int8_t* weights, int8_t* row,
                        uint32_t* block, int32_t pixel_base, Sink& sink) {
  const WindowGeometry8& g = plan.window;
  const int32_t k = window_size(g);
  const int32_t total = plan.out_h * plan.out_w;
  const int32_t oc_end = plan.out_per_group;
  const bool by_rows = can_gather_expand(g);
  int32_t oy = 0;
  int32_t ox = 0;
  for (int32_t pixel = 0; pixel < total; pixel += kConvBlock) {
    const int32_t n = total - pixel < kConvBlock ? total - pixel : kConvBlock;
    for (int32_t j = 0; j < n; ++j) {
      const int8_t* src = direct_window(g, oy, ox);
      if (src != nullptr) {
        expand_into_block(src, k, plan.input_offset, n, j, block);
      } else if (by_rows) {
        gather_expand(g, oy, ox, plan.input_offset, n, j, row, block);
      } else {
        gather_window(g, oy, ox, row);
        expand_into_block(row, k, plan.input_offset, n, j, block);
      }
      if (++ox == plan.out_w) {
        ox = 0;
        ++oy;
      }
    }
    conv_block(weights, k, 0, oc_end, n, block, pixel_base + pixel, sink);
  }
}

// One batch of a grouped convolution, pixel by pixel.
template <class Sink>
void conv_batch_grouped(const Int8ConvPlan& plan, const int8_t* weights, int8_t* row,
                        uint32_t* block, int32_t pixel_base, Sink& sink) {
  WindowGeometry8 g = plan.window;
  const int32_t k = window_size(g);
  int32_t pixel = pixel_base;
  for (int32_t oy = 0; oy < plan.out_h; ++oy) {
    for (int32_t ox = 0; ox < plan.out_w; ++ox, ++pixel) {
      for (int32_t grp = 0; grp < plan.groups; ++grp) {
        g.ch_begin = grp * g.ch_count;
        gather_window(g, oy, ox, row);
        expand_into_block(row, k, plan.input_offset, 1, 0, block);
        const int32_t oc0 = grp * plan.out_per_group;
        conv_channels<1>(weights, k, oc0, oc0 + plan.out_per_group, block, pixel, sink);
      }
    }
  }
}

}  // namespace detail

// Runs the convolution over every batch. weights: [out channels][k] int8 (k = window size).
template <class Sink>
void run_int8_conv(const Int8ConvPlan& plan, const int8_t* input, const int8_t* weights,
                   void* scratch, Sink& sink) {
  const int32_t k = window_size(plan.window);
  int8_t* row = static_cast<int8_t*>(scratch);
  uint32_t* block = reinterpret_cast<uint32_t*>(row + ((k + 7) & ~7));
  const int32_t batch_elems = plan.window.in_h * plan.window.in_w * plan.window.in_c;
  Int8ConvPlan p = plan;
  for (int32_t b = 0; b < plan.batches; ++b) {
    p.window.input = input + b * batch_elems;
    const int32_t pixel_base = b * plan.out_h * plan.out_w;
    if (plan.groups == 1) {
      detail::conv_batch_blocked(p, weights, row, block, pixel_base, sink);
    } else {
      detail::conv_batch_grouped(p, weights, row, block, pixel_base, sink);
    }
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
