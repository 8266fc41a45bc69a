// float32 DEPTHWISE_CONV_2D: per output pixel, blocks of 8 output channels accumulate in FPU
// registers over the window clipped to the input (no padding reads, no per-tap bounds checks
// inside the channel loop). The input channel of output channel oc is oc / multiplier; the two
// common cases (multiplier 1: the same channel; one input channel: always 0) avoid the division.
#include "optimized/depthwise_conv_2d.hpp"
#include "optimized/float_block.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

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

template <int B, Map M>
void channel_block(const ConvParams& p, const Dims4& in, const float* batch, const Dims4& filter,
                   const float* weights, const Window& win, int32_t oc, float* acc_out) {
  float acc[B];
#pragma GCC unroll 8
  for (int j = 0; j < B; ++j) acc[j] = 0.0f;
  const int32_t dm = p.depth_multiplier;
  for (int32_t ky = win.ky0; ky < win.ky1; ++ky) {
    const int32_t iy = win.y0 + ky * p.dilation_h;
    for (int32_t kx = win.kx0; kx < win.kx1; ++kx) {
      const float* x = batch + (iy * in.w + win.x0 + kx * p.dilation_w) * in.c;
      const float* w = weights + (ky * filter.w + kx) * filter.c + oc;
#pragma GCC unroll 8
      for (int j = 0; j < B; ++j) {
        const float xv =
            M == Map::kSame ? x[oc + j] : (M == Map::kSingleInput ? x[0] : x[(oc + j) / dm]);
        acc[j] = fmadd(w[j], xv, acc[j]);
      }
    }
  }
#pragma GCC unroll 8
  for (int j = 0; j < B; ++j) acc_out[j] = acc[j];
}

template <Map M>
void pixel(const ConvParams& p, const Dims4& in, const float* batch, const Dims4& filter,
           const float* weights, const float* bias, const Window& win, const Dims4& out,
           float* dst) {
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
      float v = acc[j] + (bias != nullptr ? bias[oc + j] : 0.0f);
      v = v < p.act_min_f ? p.act_min_f : (v > p.act_max_f ? p.act_max_f : v);
      dst[oc + j] = v;
    }
  }
}

template <Map M>
void run(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
         const float* weights, const float* bias, const Dims4& out, float* output) {
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

}  // namespace

void depthwise_conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const float* weights, const float* bias,
                               const Dims4& out, float* output) {
  if (p.depth_multiplier == 1) {
    run<Map::kSame>(p, in, input, filter, weights, bias, out, output);
  } else if (in.c == 1) {
    run<Map::kSingleInput>(p, in, input, filter, weights, bias, out, output);
  } else {
    run<Map::kDivide>(p, in, input, filter, weights, bias, out, output);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
