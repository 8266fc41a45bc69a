// Per-channel output stages of the planar depthwise path (depthwise_planar.hpp). Each is called
// once per (batch, channel) with the prepared plane, builds the channel's output functor with its
// constants hoisted (bias, requantization constants, clamp), and runs the plane loops with it.
//   Int8PlanarOutputs    int32 bias + requantization; the clamp is one SSAT when the activation
//                        range is the full int8 range (the usual case: ReLU/ReLU6 ranges that the
//                        converter aligned with the output scale), which runs as one call per
//                        band (depthwise_requant_rows.hpp).
//   HybridPlanarOutputs  float scale and bias.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/depthwise_planar.hpp"
#include "optimized/depthwise_requant_rows.hpp"
#include "optimized/requantize.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// Where channel c's outputs go: pixel (oy, ox) is base[oy * row_stride + ox * col_stride].
template <typename T>
struct ChannelWriter {
  T* base;
  int32_t row_stride;  // out.w * out.c
  int32_t col_stride;  // out.c
};

// Every output stage walks a chunk of rows the same way: acc rows are `acc_stride` apart and
// hold out_w values each; `emit(value, dst)` writes one.
template <typename T, class Emit>
inline void walk_rows(const ChannelWriter<T>& w, int32_t out_w, const int32_t* acc,
                      int32_t acc_stride, int32_t rows, int32_t oy, Emit emit) {
  T* row = w.base + oy * w.row_stride;
  const int32_t step = w.col_stride;
  for (int32_t r = 0; r < rows; ++r, acc += acc_stride, row += w.row_stride) {
    T* dst = row;
    const int32_t* a = acc;
    int32_t i = 0;
    for (; i + 2 <= out_w; i += 2, a += 2, dst += 2 * step) {  // pairs: half the loop overhead
      emit(a[0], dst);
      emit(a[1], dst + step);
    }
    if (i < out_w) emit(a[0], dst);
  }
}

template <bool kFullRange>
struct FastInt8Out : ChannelWriter<int8_t> {
  int32_t out_w;
  ChannelRequant r;
  int32_t lo, hi;
  void put_rows(const int32_t* acc, int32_t acc_stride, int32_t rows, int32_t oy,
                int32_t bias) const {
    if (kFullRange) {  // the usual case: one call for the band (depthwise_requant_rows.hpp)
      requant_rows_full_range(make_requant_rows_args(acc, acc_stride, base + oy * row_stride,
                                                     row_stride, col_stride, rows, out_w, r, bias));
      return;
    }
    const ChannelRequant k = r;
    const int32_t l = lo;
    const int32_t h = hi;
    walk_rows(*this, out_w, acc, acc_stride, rows, oy, [&](int32_t a, int8_t* dst) {
      const int32_t v = requantize_fast(a + bias, k);
      *dst = static_cast<int8_t>(kFullRange ? dsp::ssat<8>(v) : clamp_output(v, l, h));
    });
  }
};

struct AnyInt8Out : ChannelWriter<int8_t> {
  int32_t out_w;
  int32_t multiplier, shift, zp, lo, hi;
  void put_rows(const int32_t* acc, int32_t acc_stride, int32_t rows, int32_t oy,
                int32_t bias) const {
    walk_rows(*this, out_w, acc, acc_stride, rows, oy, [&](int32_t a, int8_t* dst) {
      const int32_t v = requantize_any(a + bias, multiplier, shift, zp);
      *dst = static_cast<int8_t>(clamp_output(v, lo, hi));
    });
  }
};

class Int8PlanarOutputs {
 public:
  Int8PlanarOutputs(const ConvParams& p, const ChannelQuant& q, const int32_t* bias, int8_t* output,
                    const Dims4& out)
      : p_(p),
        q_(q),
        bias_(bias),
        output_(output),
        row_stride_(out.w * out.c),
        col_stride_(out.c) {}

  void operator()(int32_t c, int32_t batch_offset, const PlanarPlan& plan, const int16_t* plane,
                  const int16_t* w, int32_t* acc, int32_t oy0, int32_t rows) const {
    const int32_t ch = q_.per_channel ? c : 0;
    const int32_t bias = bias_ != nullptr ? bias_[c] : 0;
    const ChannelWriter<int8_t> wr = writer(output_ + batch_offset + c, plan);
    const int32_t m = q_.multiplier[ch];
    const int32_t s = q_.shift[ch];
    if (!fast_requant_ok(m, s)) {
      planar_channel(plan, plane, w, bias,
                     AnyInt8Out{wr, plan.out_w, m, s, p_.output_offset, p_.act_min, p_.act_max},
                     acc, oy0, rows);
    } else if (p_.act_min == -128 && p_.act_max == 127) {
      planar_channel(plan, plane, w, bias,
                     FastInt8Out<true>{wr, plan.out_w, make_channel_requant(m, s, p_.output_offset),
                                       -128, 127},
                     acc, oy0, rows);
    } else {
      planar_channel(
          plan, plane, w, bias,
          FastInt8Out<false>{wr, plan.out_w, make_channel_requant(m, s, p_.output_offset),
                             p_.act_min, p_.act_max},
          acc, oy0, rows);
    }
  }

 private:
  const ConvParams& p_;
  ChannelQuant q_;
  const int32_t* bias_;
  int8_t* output_;
  int32_t row_stride_;
  int32_t col_stride_;

  template <typename T>
  ChannelWriter<T> writer(T* base, const PlanarPlan& plan) const {
    return plan.transposed ? ChannelWriter<T>{base, col_stride_, row_stride_}
                           : ChannelWriter<T>{base, row_stride_, col_stride_};
  }
};

struct HybridOut : ChannelWriter<float> {
  int32_t out_w;
  float scale, bias_f, lo, hi;
  void put_rows(const int32_t* acc, int32_t acc_stride, int32_t rows, int32_t oy, int32_t) const {
    walk_rows(*this, out_w, acc, acc_stride, rows, oy, [&](int32_t a, float* dst) {
      const float v = static_cast<float>(a) * scale + bias_f;  // the reference's expression
      *dst = v < lo ? lo : (v > hi ? hi : v);
    });
  }
};

class HybridPlanarOutputs {
 public:
  HybridPlanarOutputs(const ConvParams& p, const HybridWeights& hw, float input_scale,
                      const float* bias, float* output, const Dims4& out)
      : p_(p),
        hw_(hw),
        input_scale_(input_scale),
        bias_(bias),
        output_(output),
        row_stride_(out.w * out.c),
        col_stride_(out.c) {}

  void operator()(int32_t c, int32_t batch_offset, const PlanarPlan& plan, const int16_t* plane,
                  const int16_t* w, int32_t* acc, int32_t oy0, int32_t rows) const {
    const ChannelWriter<float> wr = writer(output_ + batch_offset + c, plan);
    planar_channel(
        plan, plane, w, 0,
        HybridOut{wr, plan.out_w, hw_.filter_scales[hw_.per_channel ? c : 0] * input_scale_,
                  bias_ != nullptr ? bias_[c] : 0.0f, p_.act_min_f, p_.act_max_f},
        acc, oy0, rows);
  }

 private:
  const ConvParams& p_;
  HybridWeights hw_;
  float input_scale_;
  const float* bias_;
  float* output_;
  int32_t row_stride_;
  int32_t col_stride_;

  template <typename T>
  ChannelWriter<T> writer(T* base, const PlanarPlan& plan) const {
    return plan.transposed ? ChannelWriter<T>{base, col_stride_, row_stride_}
                           : ChannelWriter<T>{base, row_stride_, col_stride_};
  }
};

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
