#include "optimized/depthwise_planar.hpp"

#include <cstring>

namespace strata {
namespace kernels {
namespace optimized {

PlanarPlan make_planar_plan(const ConvParams& p, const Dims4& in, const Dims4& filter,
                            const Dims4& out, int32_t input_offset) {
  PlanarPlan plan;
  plan.transposed = out.w < out.h && out.w < 16;
  const bool t = plan.transposed;
  plan.in_h = t ? in.w : in.h;
  plan.in_w = t ? in.h : in.w;
  plan.channels = in.c;
  plan.kh = t ? filter.w : filter.h;
  plan.kw = t ? filter.h : filter.w;
  plan.stride_h = t ? p.stride_w : p.stride_h;
  plan.stride_w = t ? p.stride_h : p.stride_w;
  plan.dilation_h = t ? p.dilation_w : p.dilation_h;
  plan.dilation_w = t ? p.dilation_h : p.dilation_w;
  plan.pad_h = t ? p.pad_w : p.pad_h;
  plan.pad_w = t ? p.pad_h : p.pad_w;
  plan.out_h = t ? out.w : out.h;
  plan.out_w = t ? out.h : out.w;
  plan.src_row_step = t ? in.c : in.w * in.c;
  plan.src_col_step = t ? in.w * in.c : in.c;
  // Exactly the rows and columns some window touches; the width gets two spare columns (rounded
  // to even) for the 3x3 loops' paired loads.
  plan.plane_h = (plan.out_h - 1) * plan.stride_h + (plan.kh - 1) * plan.dilation_h + 1;
  const int32_t w = (plan.out_w - 1) * plan.stride_w + (plan.kw - 1) * plan.dilation_w + 1;
  plan.plane_w = (w + 3) & ~1;
  // Bands of output rows as large as the scratch budget allows: the accumulators and the two
  // band buffers (a transposed plan keeps one band: its bands would not run in pixel order).
  const int32_t by_acc = kPlanarChunk / ((plan.out_w + 1) & ~1);
  const int32_t plane_rows = kPlanarBandBytes / (4 * plan.plane_w);  // two int16 buffers
  const int32_t by_plane = (plane_rows - (plan.kh - 1) * plan.dilation_h - 1) / plan.stride_h + 1;
  int32_t fit = by_acc < by_plane ? by_acc : by_plane;
  fit = fit > 0 ? fit : 1;
  plan.band_rows = t || fit >= plan.out_h ? plan.out_h : fit;
  const int32_t band_h = (plan.band_rows - 1) * plan.stride_h + (plan.kh - 1) * plan.dilation_h + 1;
  plan.band_h = band_h < plan.plane_h ? band_h : plan.plane_h;
  plan.input_offset = input_offset;
  return plan;
}

uint32_t planar_scratch_bytes(const PlanarPlan& plan) {
  const uint32_t plane = static_cast<uint32_t>(plane_elems(plan)) * 2u * 2u;
  const uint32_t weights = static_cast<uint32_t>(plan.kh * plan.kw) * 2u;
  const uint32_t acc = static_cast<uint32_t>(plan.band_rows * planar_acc_stride(plan)) * 4u;
  return ((plane + 7u) & ~7u) + ((weights + 7u) & ~7u) + acc;
}

void clear_plane(const PlanarPlan& plan, int16_t* plane) {
  const int32_t n = plane_elems(plan);
  for (int32_t i = 0; i < n; ++i) plane[i] = 0;
}

namespace {

// The band's plane rows: first plane row, count, and the input columns that land in the plane
// (VALID padding may leave some unread).
struct BandRows {
  int32_t py0, count, x1;
};

BandRows band_rows(const PlanarPlan& plan, int32_t oy0, int32_t rows) {
  BandRows b;
  b.py0 = oy0 * plan.stride_h;
  const int32_t h = (rows - 1) * plan.stride_h + (plan.kh - 1) * plan.dilation_h + 1;
  b.count = b.py0 + h <= plan.plane_h ? h : plan.plane_h - b.py0;
  b.x1 = plan.plane_w - plan.pad_w < plan.in_w ? plan.plane_w - plan.pad_w : plan.in_w;
  return b;
}

// Input row of band row r, or -1 when it lies in the padding.
inline int32_t input_row(const PlanarPlan& plan, const BandRows& b, int32_t r) {
  const int32_t iy = b.py0 + r - plan.pad_h;
  return iy >= 0 && iy < plan.in_h ? iy : -1;
}

// Whether padding rows must be zeroed on every fill: with several bands a buffer row holds input
// in one band and padding in another. With a single band each buffer row is always the same
// plane row, so padding rows keep the zeros clear_plane wrote (kws01's 25x5 planes spent about
// 0.15 instructions per MAC re-zeroing them for every channel).
inline bool padding_rows_change(const PlanarPlan& plan) { return plan.band_rows < plan.out_h; }

void zero_row(int16_t* row, int32_t n) {
  for (int32_t i = 0; i < n; ++i) row[i] = 0;
}

}  // namespace

void fill_plane(const PlanarPlan& plan, const int8_t* batch, int32_t c, int32_t oy0, int32_t rows,
                int16_t* plane) {
  const BandRows b = band_rows(plan, oy0, rows);
  const int32_t stride = plan.src_col_step;
  const int32_t off = plan.input_offset;
  const bool rezero = padding_rows_change(plan);
  for (int32_t r = 0; r < b.count; ++r) {
    const int32_t iy = input_row(plan, b, r);
    if (iy < 0) {
      if (rezero) zero_row(plane + r * plan.plane_w, plan.plane_w);
      continue;
    }
    const int8_t* src = batch + iy * plan.src_row_step + c;
    int16_t* dst = plane + r * plan.plane_w + plan.pad_w;
    int32_t ix = 0;
    for (; ix + 2 <= b.x1; ix += 2, src += 2 * stride, dst += 2) {
      const int32_t a = src[0] + off;
      const int32_t v = src[stride] + off;
      dst[0] = static_cast<int16_t>(a);
      dst[1] = static_cast<int16_t>(v);
    }
    if (ix < b.x1) dst[0] = static_cast<int16_t>(src[0] + off);
  }
}

void fill_plane_pair(const PlanarPlan& plan, const int8_t* batch, int32_t c, int32_t oy0,
                     int32_t rows, int16_t* plane0, int16_t* plane1) {
  const BandRows b = band_rows(plan, oy0, rows);
  const int32_t stride = plan.src_col_step;
  const uint32_t off2 = (static_cast<uint32_t>(plan.input_offset) & 0xFFFFu) * 0x10001u;
  const bool rezero = padding_rows_change(plan);
  for (int32_t r = 0; r < b.count; ++r) {
    const int32_t iy = input_row(plan, b, r);
    if (iy < 0) {
      if (rezero) {
        zero_row(plane0 + r * plan.plane_w, plan.plane_w);
        zero_row(plane1 + r * plan.plane_w, plan.plane_w);
      }
      continue;
    }
    const int8_t* src = batch + iy * plan.src_row_step + c;
    const int32_t at = r * plan.plane_w + plan.pad_w;
    int16_t* d0 = plane0 + at;
    int16_t* d1 = plane1 + at;
    int32_t ix = 0;
    for (; ix + 2 <= b.x1; ix += 2, src += 2 * stride, d0 += 2, d1 += 2) {
      uint16_t p0;
      uint16_t p1;
      std::memcpy(&p0, src, 2);
      std::memcpy(&p1, src + stride, 2);
      // Bytes (p0.c, p0.c+1, p1.c, p1.c+1): even lanes are channel c, odd lanes channel c+1.
      const uint32_t x = p0 | (static_cast<uint32_t>(p1) << 16);
      const uint32_t even = dsp::sxtab16(off2, x);
      const uint32_t odd = dsp::sxtab16_ror8(off2, x);
      std::memcpy(d0, &even, 4);
      std::memcpy(d1, &odd, 4);
    }
    if (ix < b.x1) {
      d0[0] = static_cast<int16_t>(src[0] + plan.input_offset);
      d1[0] = static_cast<int16_t>(src[1] + plan.input_offset);
    }
  }
}

void load_channel_weights(const PlanarPlan& plan, const int8_t* filter, int32_t c, int16_t* w) {
  // Tap (ky, kx) in plane orientation; the filter is stored [filter_h][filter_w][channels].
  const int32_t filter_w = plan.transposed ? plan.kh : plan.kw;
  for (int32_t ky = 0; ky < plan.kh; ++ky) {
    for (int32_t kx = 0; kx < plan.kw; ++kx) {
      const int32_t fy = plan.transposed ? kx : ky;
      const int32_t fx = plan.transposed ? ky : kx;
      *w++ = filter[(fy * filter_w + fx) * plan.channels + c];
    }
  }
}

PlanarKernel planar_kernel(const PlanarPlan& plan) {
  const bool k3 = plan.kh == 3 && plan.kw == 3 && plan.dilation_h == 1 && plan.dilation_w == 1;
  if (k3 && plan.stride_h == 1 && plan.stride_w == 1) return PlanarKernel::k3x3Stride1;
  if (k3 && plan.stride_h == 2 && plan.stride_w == 2) return PlanarKernel::k3x3Stride2;
  return PlanarKernel::kGeneric;
}

void rows_generic(const PlanarPlan& plan, const int16_t* r0, const int16_t* w, int32_t rows,
                  int32_t* acc, int32_t acc_stride) {
  for (int32_t oy = 0; oy < rows; ++oy, r0 += plan.stride_h * plan.plane_w, acc += acc_stride) {
    for (int32_t ox = 0; ox < plan.out_w; ++ox) {
      const int16_t* origin = r0 + ox * plan.stride_w;
      int32_t sum = 0;
      const int16_t* wk = w;
      for (int32_t ky = 0; ky < plan.kh; ++ky) {
        const int16_t* row = origin + ky * plan.dilation_h * plan.plane_w;
        for (int32_t kx = 0; kx < plan.kw; ++kx) sum += *wk++ * row[kx * plan.dilation_w];
      }
      acc[ox] = sum;
    }
  }
}

#if !STRATA_ARM_DSP
// Portable forms of the loops depthwise_rows_arm.cpp implements in assembly.
void rows_3x3_s1(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t pairs,
                 int32_t* acc, int32_t acc_stride) {
  for (int32_t oy = 0; oy < rows; ++oy, r0 += pw, acc += acc_stride) {
    const int16_t* r = r0;
    int32_t* a = acc;
    for (int32_t i = 0; i < pairs; ++i, r += 2, a += 2) {
      // Per plane row: (x, x+1), (x+1, x+2) (an unaligned word), (x+2, x+3).
      const int16_t* q = r;
      int32_t acc0 = dsp::smuad(load_u32(q), t.w01[0]);
      int32_t acc1 = dsp::smuad(load_u32(q + 1), t.w01[0]);
      uint32_t b = load_u32(q + 2);
      acc0 = dsp::smlabb(b, t.w2a, acc0);
      acc1 = dsp::smlatb(b, t.w2a, acc1);
      q += pw;
      acc0 = dsp::smlad(load_u32(q), t.w01[1], acc0);
      acc1 = dsp::smlad(load_u32(q + 1), t.w01[1], acc1);
      b = load_u32(q + 2);
      acc0 = dsp::smlabt(b, t.w2a, acc0);
      acc1 = dsp::smlatt(b, t.w2a, acc1);
      q += pw;
      acc0 = dsp::smlad(load_u32(q), t.w01[2], acc0);
      acc1 = dsp::smlad(load_u32(q + 1), t.w01[2], acc1);
      b = load_u32(q + 2);
      a[0] = dsp::smlabb(b, t.w2b, acc0);
      a[1] = dsp::smlatb(b, t.w2b, acc1);
    }
  }
}

void rows_3x3_s2(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t n,
                 int32_t* acc, int32_t acc_stride) {
  const uint32_t w0 = t.w01[0], w1 = t.w01[1], w2 = t.w01[2], wa = t.w2a, wb = t.w2b;
  for (int32_t oy = 0; oy < rows; ++oy, r0 += 2 * pw, acc += acc_stride) {
    const int16_t* r = r0;
    for (int32_t ox = 0; ox < n; ++ox, r += 2) {
      int32_t a = dsp::smuad(load_u32(r), w0);
      a = dsp::smlabb(load_u32(r + 2), wa, a);
      a = dsp::smlad(load_u32(r + pw), w1, a);
      a = dsp::smlabt(load_u32(r + pw + 2), wa, a);
      a = dsp::smlad(load_u32(r + 2 * pw), w2, a);
      acc[ox] = dsp::smlabb(load_u32(r + 2 * pw + 2), wb, a);
    }
  }
}
#endif

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
