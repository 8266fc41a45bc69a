// The loops of the optimized CONV_2D with float16 weights (conv_2d_float16.cpp), templated on the
// weights' and the bias's type: the float32 kernel's loops (conv_2d_float.cpp) with the Half
// float_block, which widens each weight as it loads it. The float32 kernel keeps its own copy of
// the loops: compiled from this template its register allocation changed and MNIST's second
// convolution ran 0.26 % more instructions.
//
// float32 CONV_2D: windows of up to 4 output pixels gathered (zero padding) and interleaved into
// scratch, then 4 output channels x 4 pixels of fused multiply-adds per step (float_block.hpp).
// Grouped convolutions go one pixel at a time per group (in-place safety, as in conv_engine.hpp).
// Float16 weights and biases (a float16 model's constants) run the same loops, widened as read.
#pragma once

#include <cstdint>

#include "optimized/conv_2d.hpp"
#include "optimized/float_block.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {  // NOLINT(build/namespaces): see the header comment

constexpr int32_t kPixels = 4;

// W, B: the weights' and the bias's element type (float or Half).
template <typename W, typename B>
struct FloatConv {
  const ConvParams* p;
  Dims4 in, filter, out;
  const float* input;  // current batch
  const W* weights;
  const B* bias;
  int32_t groups, per_group, k;
};

// Window of output pixel (oy, ox), channels [c0, c0 + filter.c), written to dst[i * n].
template <typename F>
void gather(const F& f, int32_t oy, int32_t ox, int32_t c0, int32_t n, float* dst) {
  const ConvParams& p = *f.p;
  const int32_t cc = f.filter.c;
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  for (int32_t ky = 0; ky < f.filter.h; ++ky) {
    const int32_t iy = y0 + ky * p.dilation_h;
    for (int32_t kx = 0; kx < f.filter.w; ++kx) {
      const int32_t ix = x0 + kx * p.dilation_w;
      if (iy < 0 || iy >= f.in.h || ix < 0 || ix >= f.in.w) {
        for (int32_t c = 0; c < cc; ++c, dst += n) *dst = 0.0f;
      } else {
        const float* src = f.input + (iy * f.in.w + ix) * f.in.c + c0;
        for (int32_t c = 0; c < cc; ++c, dst += n) *dst = src[c];
      }
    }
  }
}

template <int C, int N, typename F>
void store(const F& f, int32_t oc, const float (&acc)[C][N], float* out) {
  const float lo = f.p->act_min_f;
  const float hi = f.p->act_max_f;
  for (int c = 0; c < C; ++c) {
    const float b = f.bias != nullptr ? weight_value(f.bias[oc + c]) : 0.0f;
    for (int j = 0; j < N; ++j) {
      float v = acc[c][j] + b;
      v = v < lo ? lo : (v > hi ? hi : v);
      out[j * f.out.c + oc + c] = v;
    }
  }
}

// Output channels [oc0, oc1) for N pixels whose first output element is `out`.
template <int N, typename F>
void channels(const F& f, int32_t oc0, int32_t oc1, const float* x, float* out) {
  int32_t oc = oc0;
  for (; oc + 4 <= oc1; oc += 4) {
    float acc[4][N];
    float_block<4, N>(f.weights + oc * f.k, f.k, f.k, x, acc);
    store<4, N>(f, oc, acc, out);
  }
  for (; oc < oc1; ++oc) {
    float acc[1][N];
    float_block<1, N>(f.weights + oc * f.k, f.k, f.k, x, acc);
    store<1, N>(f, oc, acc, out);
  }
}

template <typename F>
void channels_n(const F& f, int32_t n, int32_t oc0, int32_t oc1, const float* x, float* out) {
  switch (n) {
    case 4:
      channels<4>(f, oc0, oc1, x, out);
      break;
    case 3:
      channels<3>(f, oc0, oc1, x, out);
      break;
    case 2:
      channels<2>(f, oc0, oc1, x, out);
      break;
    default:
      channels<1>(f, oc0, oc1, x, out);
      break;
  }
}

template <typename F>
void run_batch(const F& f, float* x, float* output) {
  const int32_t total = f.out.h * f.out.w;
  if (f.groups != 1) {
    for (int32_t pixel = 0; pixel < total; ++pixel) {
      for (int32_t g = 0; g < f.groups; ++g) {
        gather(f, pixel / f.out.w, pixel % f.out.w, g * f.filter.c, 1, x);
        channels_n(f, 1, g * f.per_group, (g + 1) * f.per_group, x, output + pixel * f.out.c);
      }
    }
    return;
  }
  int32_t oy = 0;
  int32_t ox = 0;
  for (int32_t pixel = 0; pixel < total; pixel += kPixels) {
    const int32_t n = total - pixel < kPixels ? total - pixel : kPixels;
    for (int32_t j = 0; j < n; ++j) {
      gather(f, oy, ox, 0, n, x + j);
      if (++ox == f.out.w) {
        ox = 0;
        ++oy;
      }
    }
    channels_n(f, n, 0, f.out.c, x, output + pixel * f.out.c);
  }
}

template <typename W, typename B>
void conv_float(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                const W* weights, const B* bias, const Dims4& out, float* output, void* scratch) {
  FloatConv<W, B> f;
  f.p = &p;
  f.in = in;
  f.filter = filter;
  f.out = out;
  f.weights = weights;
  f.bias = bias;
  f.groups = in.c / filter.c;
  f.per_group = filter.n / f.groups;
  f.k = filter.h * filter.w * filter.c;
  for (int32_t b = 0; b < in.n; ++b) {
    f.input = input + b * in.h * in.w * in.c;
    run_batch(f, static_cast<float*>(scratch), output + b * out.h * out.w * out.c);
  }
}

}  // namespace
}  // namespace optimized
}  // namespace kernels
}  // namespace strata
