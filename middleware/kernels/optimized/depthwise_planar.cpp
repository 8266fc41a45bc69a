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
  plan.input_offset = input_offset;
  return plan;
}

uint32_t planar_scratch_bytes(const PlanarPlan& plan) {
  const uint32_t plane = static_cast<uint32_t>(plane_elems(plan)) * 2u * 2u;
  const uint32_t weights = static_cast<uint32_t>(plan.kh * plan.kw) * 2u;
  const int32_t stride = planar_acc_stride(plan);
  const uint32_t row = static_cast<uint32_t>(stride > kPlanarChunk ? stride : kPlanarChunk) * 4u;
  return ((plane + 7u) & ~7u) + ((weights + 7u) & ~7u) + row;
}

void clear_plane(const PlanarPlan& plan, int16_t* plane) {
  const int32_t n = plane_elems(plan);
  for (int32_t i = 0; i < n; ++i) plane[i] = 0;
}

namespace {

// Input rows [0, y1) and columns [0, x1) land inside the plane (VALID padding may leave some
// unread).
void interior(const PlanarPlan& plan, int32_t* y1, int32_t* x1) {
  *y1 = plan.plane_h - plan.pad_h < plan.in_h ? plan.plane_h - plan.pad_h : plan.in_h;
  *x1 = plan.plane_w - plan.pad_w < plan.in_w ? plan.plane_w - plan.pad_w : plan.in_w;
}

}  // namespace

void fill_plane(const PlanarPlan& plan, const int8_t* batch, int32_t c, int16_t* plane) {
  int32_t y1;
  int32_t x1;
  interior(plan, &y1, &x1);
  const int32_t stride = plan.src_col_step;
  const int32_t off = plan.input_offset;
  for (int32_t iy = 0; iy < y1; ++iy) {
    const int8_t* src = batch + iy * plan.src_row_step + c;
    int16_t* dst = plane + (iy + plan.pad_h) * plan.plane_w + plan.pad_w;
    int32_t ix = 0;
    for (; ix + 2 <= x1; ix += 2, src += 2 * stride, dst += 2) {
      const int32_t a = src[0] + off;
      const int32_t b = src[stride] + off;
      dst[0] = static_cast<int16_t>(a);
      dst[1] = static_cast<int16_t>(b);
    }
    if (ix < x1) dst[0] = static_cast<int16_t>(src[0] + off);
  }
}

void fill_plane_pair(const PlanarPlan& plan, const int8_t* batch, int32_t c, int16_t* plane0,
                     int16_t* plane1) {
  int32_t y1;
  int32_t x1;
  interior(plan, &y1, &x1);
  const int32_t stride = plan.src_col_step;
  const uint32_t off2 = (static_cast<uint32_t>(plan.input_offset) & 0xFFFFu) * 0x10001u;
  for (int32_t iy = 0; iy < y1; ++iy) {
    const int8_t* src = batch + iy * plan.src_row_step + c;
    const int32_t at = (iy + plan.pad_h) * plan.plane_w + plan.pad_w;
    int16_t* d0 = plane0 + at;
    int16_t* d1 = plane1 + at;
    int32_t ix = 0;
    for (; ix + 2 <= x1; ix += 2, src += 2 * stride, d0 += 2, d1 += 2) {
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
    if (ix < x1) {
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
// Portable form of the loop depthwise_rows_arm.cpp implements in assembly.
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
#endif

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

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
