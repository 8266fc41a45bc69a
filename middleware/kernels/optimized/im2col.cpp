#include "optimized/im2col.hpp"

#include <cstring>

#include "optimized/int8_dot.hpp"

namespace strata {
namespace kernels {
namespace optimized {

namespace {

// One filter row (ky) of the window whose input row iy is inside the input.
void gather_row(const WindowGeometry8& g, const int8_t* row, int32_t x0, int8_t* dst) {
  const int32_t cc = g.ch_count;
  if (g.dilation_w == 1 && cc == g.in_c) {
    // Taps are adjacent in memory: one run of in-bounds columns between two padded runs.
    int32_t kx0 = x0 < 0 ? -x0 : 0;
    if (kx0 > g.kw) kx0 = g.kw;
    int32_t kx1 = g.in_w - x0;
    if (kx1 > g.kw) kx1 = g.kw;
    if (kx1 < kx0) kx1 = kx0;
    fill_bytes(dst, g.pad_value, kx0 * cc);
    copy_bytes(dst + kx0 * cc, row + (x0 + kx0) * cc, (kx1 - kx0) * cc);
    fill_bytes(dst + kx1 * cc, g.pad_value, (g.kw - kx1) * cc);
    return;
  }
  for (int32_t kx = 0; kx < g.kw; ++kx, dst += cc) {
    const int32_t ix = x0 + kx * g.dilation_w;
    if (ix < 0 || ix >= g.in_w) {
      fill_bytes(dst, g.pad_value, cc);
    } else {
      copy_bytes(dst, row + ix * g.in_c + g.ch_begin, cc);
    }
  }
}

}  // namespace

void gather_window(const WindowGeometry8& g, int32_t oy, int32_t ox, int8_t* dst) {
  const int32_t y0 = oy * g.stride_h - g.pad_h;
  const int32_t x0 = ox * g.stride_w - g.pad_w;
  const int32_t row_bytes = g.kw * g.ch_count;
  const bool interior = y0 >= 0 && y0 + (g.kh - 1) * g.dilation_h < g.in_h && x0 >= 0 &&
                        x0 + g.kw <= g.in_w && g.dilation_w == 1 && g.ch_count == g.in_c;
  if (interior) {  // every window row is one run of input bytes
    const int8_t* src = g.input + (y0 * g.in_w + x0) * g.in_c;
    const int32_t step = g.dilation_h * g.in_w * g.in_c;
    for (int32_t ky = 0; ky < g.kh; ++ky, dst += row_bytes, src += step) {
      copy_bytes(dst, src, row_bytes);
    }
    return;
  }
  for (int32_t ky = 0; ky < g.kh; ++ky, dst += row_bytes) {
    const int32_t iy = y0 + ky * g.dilation_h;
    if (iy < 0 || iy >= g.in_h) {
      fill_bytes(dst, g.pad_value, row_bytes);
    } else {
      gather_row(g, g.input + iy * g.in_w * g.in_c, x0, dst);
    }
  }
}

namespace {

// Expands `groups` groups of 4 bytes from src into the block row (stride: words between groups).
inline void expand_groups(const int8_t* src, int32_t groups, uint32_t off2, uint32_t* dst,
                          int32_t stride) {
  for (int32_t i = 0; i < groups; ++i, src += 4, dst += stride) {
    const uint32_t x = load_u32(src);
    dst[0] = dsp::sxtab16(off2, x);
    dst[1] = dsp::sxtab16_ror8(off2, x);
  }
}

}  // namespace

void gather_expand(const WindowGeometry8& g, int32_t oy, int32_t ox, int32_t offset, int32_t n,
                   int32_t j, int8_t* row, uint32_t* block) {
  const uint32_t off2 = (static_cast<uint32_t>(offset) & 0xFFFFu) * 0x10001u;
  const int32_t y0 = oy * g.stride_h - g.pad_h;
  const int32_t x0 = ox * g.stride_w - g.pad_w;
  const int32_t row_bytes = g.kw * g.ch_count;
  const int32_t row_groups = row_bytes / 4;
  const int32_t stride = 2 * n;
  // One contiguous run of input bytes per window row when the taps are adjacent and in range.
  const bool contiguous =
      g.dilation_w == 1 && g.ch_count == g.in_c && x0 >= 0 && x0 + g.kw <= g.in_w;
  uint32_t* dst = block + 2 * j;
  for (int32_t ky = 0; ky < g.kh; ++ky, dst += row_groups * stride) {
    const int32_t iy = y0 + ky * g.dilation_h;
    if (iy < 0 || iy >= g.in_h) {
      for (int32_t i = 0; i < row_groups; ++i) dst[i * stride] = dst[i * stride + 1] = 0;
      continue;
    }
    const int8_t* in_row = g.input + iy * g.in_w * g.in_c;
    if (contiguous) {
      expand_groups(in_row + x0 * g.in_c, row_groups, off2, dst, stride);
    } else {
      gather_row(g, in_row, x0, row);
      expand_groups(row, row_groups, off2, dst, stride);
    }
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
