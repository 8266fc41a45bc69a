// Output stages of the int8 convolution engine (conv_engine.hpp): what happens to the int32
// accumulators of one output channel for a block of pixels.
//   Int8Sink    starts the accumulators at the int32 bias and requantizes to int8 (the fast
//   per-channel constants are
//               precomputed once per invoke into scratch; layers with a channel outside the fast
//               path's range use the reference requantization for every output).
//   HybridSink  scales to float with filter scale x dynamic input scale, adds the float bias.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/conv_block4_arm.hpp"
#include "optimized/int8_dot.hpp"
#include "optimized/requantize.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace optimized {

class Int8Sink {
 public:
  // table: scratch for `channels` ChannelRequant entries (used when every channel is fast).
  Int8Sink(const ConvParams& p, const ChannelQuant& q, const int32_t* bias, int32_t channels,
           int8_t* output, int32_t out_channels, ChannelRequant* table)
      : q_(q),
        bias_(bias),
        out_(output),
        out_c_(out_channels),
        zp_(p.output_offset),
        act_min_(p.act_min),
        act_max_(p.act_max),
        full_range_(p.act_min == -128 && p.act_max == 127),
        last_channel_(channels),
        table_(nullptr) {
    if (all_channels_fast(q, channels)) {
      for (int32_t c = 0; c < channels; ++c) {
        const int32_t ch = q.per_channel ? c : 0;
        table[c] = make_channel_requant(q.multiplier[ch], q.shift[ch], zp_);
      }
      table_ = table;
    }
  }

  // Output channels [oc_begin, oc_end) of a 4-pixel block in one assembly loop, when the layer
  // meets its preconditions (see conv_block4_arm.hpp); false: the caller runs the C++ path.
  bool block4(const int8_t* weights, int32_t k, int32_t oc_begin, int32_t oc_end,
              const uint32_t* block, int32_t pixel) const {
#if STRATA_ARM_DSP
    if (table_ == nullptr || !full_range_ || bias_ == nullptr || k == 0) return false;
    // With a ragged window the last group of a row overreads into the next row (harmless, see
    // conv_block4_arm.hpp) but not past the last row: that channel goes through C++.
    const int32_t asm_end = (k & 3) != 0 && oc_end == last_channel_ ? oc_end - 1 : oc_end;
    if (asm_end <= oc_begin) return false;
    const Block4Args args = {weights + oc_begin * k,
                             block,
                             bias_ + oc_begin,
                             table_ + oc_begin,
                             out_ + pixel * out_c_ + oc_begin,
                             out_c_,
                             asm_end - oc_begin,
                             (k + 3) / 4,
                             k,
                             k - 4 * ((k + 3) / 4)};
    conv_block4_fast(args);
    if (asm_end == oc_end) return true;
    int32_t acc[4];
    for (int j = 0; j < 4; ++j) acc[j] = initial(asm_end);
    dot_block<4>(weights + asm_end * k, k, block, acc);
    put<4>(asm_end, acc, pixel);
    return true;
#else
    (void)weights, (void)k, (void)oc_begin, (void)oc_end, (void)block, (void)pixel;
    return false;
#endif
  }

  // The per-channel constants when every output channel takes the fast requantization into the
  // full int8 range with a bias (the layer shape specialised loops need), else nullptr.
  const ChannelRequant* fast_full_range_table() const {
    return full_range_ && bias_ != nullptr ? table_ : nullptr;
  }
  const int32_t* bias() const { return bias_; }

  // The accumulators start from the int32 bias (saves an add per output).
  int32_t initial(int32_t oc) const { return bias_ != nullptr ? bias_[oc] : 0; }

  template <int N>
  __attribute__((always_inline)) void put(int32_t oc, const int32_t* acc, int32_t pixel) const {
    // Locals, not members: the int8 stores below may alias anything, so members would be
    // reloaded after every store.
    const int32_t stride = out_c_;
    int8_t* o = out_ + pixel * stride + oc;
    if (table_ != nullptr) {
      const ChannelRequant r = table_[oc];
      if (full_range_) {
#pragma GCC unroll 8
        for (int j = 0; j < N; ++j, o += stride) {
          *o = static_cast<int8_t>(dsp::ssat<8>(requantize_fast(acc[j], r)));
        }
        return;
      }
      const int32_t lo = act_min_;
      const int32_t hi = act_max_;
#pragma GCC unroll 8
      for (int j = 0; j < N; ++j, o += stride) {
        *o = static_cast<int8_t>(clamp_output(requantize_fast(acc[j], r), lo, hi));
      }
      return;
    }
    const int32_t ch = q_.per_channel ? oc : 0;
    for (int j = 0; j < N; ++j) {
      const int32_t v = requantize_any(acc[j], q_.multiplier[ch], q_.shift[ch], zp_);
      o[j * stride] = static_cast<int8_t>(clamp_output(v, act_min_, act_max_));
    }
  }

 private:
  ChannelQuant q_;
  const int32_t* bias_;
  int8_t* out_;
  int32_t out_c_;
  int32_t zp_;
  int32_t act_min_;
  int32_t act_max_;
  bool full_range_;
  int32_t last_channel_;  // one past the last output channel (the weights' last row)
  const ChannelRequant* table_;
};

class HybridSink {
 public:
  HybridSink(const ConvParams& p, const HybridWeights& hw, float input_scale, const float* bias,
             float* output, int32_t out_channels)
      : hw_(hw),
        input_scale_(input_scale),
        bias_(bias),
        out_(output),
        out_c_(out_channels),
        lo_(p.act_min_f),
        hi_(p.act_max_f) {}

  int32_t initial(int32_t) const { return 0; }
  bool block4(const int8_t*, int32_t, int32_t, int32_t, const uint32_t*, int32_t) const {
    return false;
  }

  template <int N>
  __attribute__((always_inline)) void put(int32_t oc, const int32_t* acc, int32_t pixel) const {
    // Same expression and order as the reference: float(acc) * (filter * input scale) + bias.
    const float scale = hw_.filter_scales[hw_.per_channel ? oc : 0] * input_scale_;
    const float b = bias_ != nullptr ? bias_[oc] : 0.0f;
    float* o = out_ + pixel * out_c_ + oc;
    for (int j = 0; j < N; ++j) {
      float v = static_cast<float>(acc[j]) * scale + b;
      v = v < lo_ ? lo_ : (v > hi_ ? hi_ : v);
      o[j * out_c_] = v;
    }
  }

  void set_input_scale(float s) { input_scale_ = s; }

 private:
  HybridWeights hw_;
  float input_scale_;
  const float* bias_;
  float* out_;
  int32_t out_c_;
  float lo_;
  float hi_;
};

// Bytes of the requantization table for `channels` output channels.
inline uint32_t requant_table_bytes(int32_t channels) {
  return static_cast<uint32_t>(channels) * sizeof(ChannelRequant);
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
