#include "optimized/depthwise_single.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void pack_single_channel_weights(const Dims4& filter, const int8_t* weights, uint32_t* wp) {
  const int32_t taps = filter.h * filter.w;
  const int32_t pairs = (taps + 1) / 2;
  const int32_t m_count = filter.c;
  for (int32_t m = 0; m < m_count; ++m) {
    for (int32_t i = 0; i < pairs; ++i) {
      const int32_t lo = weights[(2 * i) * m_count + m];
      const int32_t hi = 2 * i + 1 < taps ? weights[(2 * i + 1) * m_count + m] : 0;
      *wp++ = (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
    }
  }
}

namespace {

inline uint32_t pair(int32_t lo, int32_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
}

// The common case in straight-line code: a 3x3 window inside the input.
void gather_3x3_interior(const int8_t* r0, int32_t in_w, int32_t dy, int32_t dx, int32_t off,
                         uint32_t* x) {
  const int8_t* r1 = r0 + dy * in_w;
  const int8_t* r2 = r1 + dy * in_w;
  x[0] = pair(r0[0] + off, r0[dx] + off);
  x[1] = pair(r0[2 * dx] + off, r1[0] + off);
  x[2] = pair(r1[dx] + off, r1[2 * dx] + off);
  x[3] = pair(r2[0] + off, r2[dx] + off);
  x[4] = pair(r2[2 * dx] + off, 0);
}

}  // namespace

void gather_single_channel(const ConvParams& p, const Dims4& in, const int8_t* batch,
                           const Dims4& filter, int32_t oy, int32_t ox, int32_t offset,
                           uint32_t* x) {
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  const bool inside = y0 >= 0 && x0 >= 0 && y0 + (filter.h - 1) * p.dilation_h < in.h &&
                      x0 + (filter.w - 1) * p.dilation_w < in.w;
  if (inside && filter.h == 3 && filter.w == 3) {
    gather_3x3_interior(batch + y0 * in.w + x0, in.w, p.dilation_h, p.dilation_w, offset, x);
    return;
  }
  // Taps in order, two per word; padding contributes 0.
  int32_t t = 0;
  int32_t lo = 0;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = y0 + ky * p.dilation_h;
    for (int32_t kx = 0; kx < filter.w; ++kx, ++t) {
      const int32_t ix = x0 + kx * p.dilation_w;
      const bool in_range = iy >= 0 && iy < in.h && ix >= 0 && ix < in.w;
      const int32_t v = in_range ? batch[iy * in.w + ix] + offset : 0;
      if ((t & 1) == 0) {
        lo = v;
      } else {
        x[t >> 1] = pair(lo, v);
      }
    }
  }
  if ((t & 1) != 0) x[t >> 1] = pair(lo, 0);
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
