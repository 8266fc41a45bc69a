// The loops of the optimized DEPTHWISE_CONV_2D with float16 weights
// (depthwise_conv_2d_float16.cpp), templated on the weights' and the bias's type: the float32
// kernel's loops (depthwise_conv_2d_float.cpp) with each weight widened as it is loaded, two per
// load where a tap's weights are word-aligned. The float32 kernel keeps its own copy of the loops:
// compiled from this template its register allocation changed and it ran more instructions.
//
// float32 DEPTHWISE_CONV_2D: per output pixel, blocks of 8 output channels accumulate in FPU
// registers over the window clipped to the input (no padding reads, no per-tap bounds checks
// inside the channel loop). The input channel of output channel oc is oc / multiplier; the two
// common cases (multiplier 1: the same channel; one input channel: always 0) avoid the division.
// Float16 weights and biases (W, B = Half: a float16 model's constants) run the same loops, each
// value widened as it is read.
#pragma once

#include <cstdint>

#include "optimized/depthwise_conv_2d.hpp"
#include "optimized/float_block.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {  // NOLINT(build/namespaces): see the header comment

enum class Map { kSame, kSingleInput, kDivide };

struct Window {
  int32_t ky0, ky1, kx0, kx1;  // taps inside the input
  int32_t y0, x0;              // input position of tap (0, 0)
};

Window clip(const ConvParams& p, const Dims4& in, const Dims4& filter, int32_t oy, int32_t ox) {
  Window w;
  w.y0 = oy * p.stride_h - p.pad_h;
  w.x0 = ox * p.stride_w - p.pad_w;
  w.ky0 = 0;
  while (w.ky0 < filter.h && w.y0 + w.ky0 * p.dilation_h < 0) ++w.ky0;
  w.ky1 = filter.h;
  while (w.ky1 > w.ky0 && w.y0 + (w.ky1 - 1) * p.dilation_h >= in.h) --w.ky1;
  w.kx0 = 0;
  while (w.kx0 < filter.w && w.x0 + w.kx0 * p.dilation_w < 0) ++w.kx0;
  w.kx1 = filter.w;
  while (w.kx1 > w.kx0 && w.x0 + (w.kx1 - 1) * p.dilation_w >= in.w) --w.kx1;
  return w;
}

// B weights of one tap: float ones as they are; halves widened, two per load when `Pairs` (the
// tap's first weight 4-byte aligned).
template <int B, bool Pairs>
inline void load_weights(const float* w, float (&wv)[B]) {
#pragma GCC unroll 8
  for (int j = 0; j < B; ++j) wv[j] = w[j];
}

template <int B, bool Pairs>
inline void load_weights(const Half* w, float (&wv)[B]) {
  if (Pairs && B % 2 == 0) {
#pragma GCC unroll 8
    for (int j = 0; j + 1 < B; j += 2) widen_pair(w + j, &wv[j], &wv[j + 1]);
  } else {
#pragma GCC unroll 8
    for (int j = 0; j < B; ++j) wv[j] = widen(w[j]);
  }
}

template <int B, Map M, bool Pairs, typename W>
void channel_block_loads(const ConvParams& p, const Dims4& in, const float* batch,
                         const Dims4& filter, const W* weights, const Window& win, int32_t oc,
                         float* acc_out) {
  float acc[B];
#pragma GCC unroll 8
  for (int j = 0; j < B; ++j) acc[j] = 0.0f;
  const int32_t dm = p.depth_multiplier;
  for (int32_t ky = win.ky0; ky < win.ky1; ++ky) {
    const int32_t iy = win.y0 + ky * p.dilation_h;
    for (int32_t kx = win.kx0; kx < win.kx1; ++kx) {
      const float* x = batch + (iy * in.w + win.x0 + kx * p.dilation_w) * in.c;
      float wv[B];
      load_weights<B, Pairs>(weights + (ky * filter.w + kx) * filter.c + oc, wv);
#pragma GCC unroll 8
      for (int j = 0; j < B; ++j) {
        const float xv =
            M == Map::kSame ? x[oc + j] : (M == Map::kSingleInput ? x[0] : x[(oc + j) / dm]);
        acc[j] = fmadd(wv[j], xv, acc[j]);
      }
    }
  }
#pragma GCC unroll 8
  for (int j = 0; j < B; ++j) acc_out[j] = acc[j];
}

// Every tap's weights start 4-byte aligned when the block's first one does and a tap row (filter.c
// weights) is a whole number of words.
template <int B, Map M, typename W>
void channel_block(const ConvParams& p, const Dims4& in, const float* batch, const Dims4& filter,
                   const W* weights, const Window& win, int32_t oc, float* acc_out) {
  const uintptr_t first = reinterpret_cast<uintptr_t>(weights + oc);
  if (B % 2 == 0 && ((first | static_cast<uintptr_t>(filter.c) * sizeof(W)) & 3u) == 0) {
    channel_block_loads<B, M, true>(p, in, batch, filter, weights, win, oc, acc_out);
  } else {
    channel_block_loads<B, M, false>(p, in, batch, filter, weights, win, oc, acc_out);
  }
}

template <Map M, typename W, typename Bias>
void pixel(const ConvParams& p, const Dims4& in, const float* batch, const Dims4& filter,
           const W* weights, const Bias* bias, const Window& win, const Dims4& out, float* dst) {
  float acc[8];
  int32_t oc = 0;
  for (; oc < out.c; oc += 8) {
    const int32_t n = out.c - oc < 8 ? out.c - oc : 8;
    if (n == 8) {
      channel_block<8, M>(p, in, batch, filter, weights, win, oc, acc);
    } else {
      for (int32_t j = 0; j < n; ++j)
        channel_block<1, M>(p, in, batch, filter, weights, win, oc + j, acc + j);
    }
    for (int32_t j = 0; j < n; ++j) {
      float v = acc[j] + (bias != nullptr ? weight_value(bias[oc + j]) : 0.0f);
      v = v < p.act_min_f ? p.act_min_f : (v > p.act_max_f ? p.act_max_f : v);
      dst[oc + j] = v;
    }
  }
}

template <Map M, typename W, typename Bias>
void run(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
         const W* weights, const Bias* bias, const Dims4& out, float* output) {
  for (int32_t b = 0; b < in.n; ++b) {
    const float* batch = input + b * in.h * in.w * in.c;
    float* dst = output + b * out.h * out.w * out.c;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, dst += out.c) {
        const Window win = clip(p, in, filter, oy, ox);
        pixel<M>(p, in, batch, filter, weights, bias, win, out, dst);
      }
    }
  }
}

template <typename W, typename Bias>
void depthwise_float(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const W* weights, const Bias* bias, const Dims4& out, float* output) {
  if (p.depth_multiplier == 1) {
    run<Map::kSame>(p, in, input, filter, weights, bias, out, output);
  } else if (in.c == 1) {
    run<Map::kSingleInput>(p, in, input, filter, weights, bias, out, output);
  } else {
    run<Map::kDivide>(p, in, input, filter, weights, bias, out, output);
  }
}

}  // namespace
}  // namespace optimized
}  // namespace kernels
}  // namespace strata
