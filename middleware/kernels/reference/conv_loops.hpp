// The output loops of the reference CONV_2D and DEPTHWISE_CONV_2D (float32, float16 weights, int8,
// int16, hybrid):
// every output element is the accumulator of its window plus bias, requantized (int8, int16) or
// scaled and clamped (float). The two ops differ only in which input channels and weights a window
// reads, which the Window type supplies as a static function:
//   Acc Window::accumulate(p, in, input, filter, weights, b, oy, ox, oc, Acc input_offset)
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/half.hpp"
#include "common/hybrid_quantize.hpp"
#include "common/quant_math.hpp"
#include "common/requantize_16x8.hpp"
#include "reference/conv_2d.hpp"

namespace strata {
namespace kernels {
namespace reference {

inline float clamp_f(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

// W, B: float, or Half for a float16 model's weights and bias (widened as they are read: the same
// floats in the same order, so the same results as float32 weights holding those values).
template <typename Window, typename W = float, typename B = float>
void conv_loop_float32(const ConvParams& p, const Dims4& in, const float* input,
                       const Dims4& filter, const W* weights, const B* bias, const Dims4& out,
                       float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          float acc = Window::accumulate(p, in, input, filter, weights, b, oy, ox, oc, 0.0f);
          acc += bias != nullptr ? weight_value(bias[oc]) : 0.0f;
          output[offset4(out, b, oy, ox, oc)] = clamp_f(acc, p.act_min_f, p.act_max_f);
        }
      }
    }
  }
}

template <typename Window>
void conv_loop_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                    const int8_t* input, const Dims4& filter, const int8_t* weights,
                    const int32_t* bias, const Dims4& out, int8_t* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          int32_t acc =
              Window::accumulate(p, in, input, filter, weights, b, oy, ox, oc, p.input_offset);
          if (bias != nullptr) acc += bias[oc];
          const int32_t ch = q.per_channel ? oc : 0;
          acc = multiply_by_quantized_multiplier(acc, q.multiplier[ch], q.shift[ch]);
          acc = clamp_i32(acc + p.output_offset, p.act_min, p.act_max);
          output[offset4(out, b, oy, ox, oc)] = static_cast<int8_t>(acc);
        }
      }
    }
  }
}

// int16 activations, int8 weights ("16x8"): TFLite's int16 tensors have zero point 0, so there
// are no offsets; sums are exact in int64 and requantized in the bias's width (`wide`: int64).
template <typename Window>
void conv_loop_int16(const ConvParams& p, const ChannelQuant& q, bool wide, const Dims4& in,
                     const int16_t* input, const Dims4& filter, const int8_t* weights,
                     const void* bias, const Dims4& out, int16_t* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int64_t sum =
              Window::accumulate(p, in, input, filter, weights, b, oy, ox, oc, int64_t{0});
          const int32_t ch = q.per_channel ? oc : 0;
          const int32_t v = requantize_16x8(sum, bias, oc, wide, q.multiplier[ch], q.shift[ch]);
          output[offset4(out, b, oy, ox, oc)] =
              static_cast<int16_t>(clamp_i32(v, p.act_min, p.act_max));
        }
      }
    }
  }
}

// Each input batch is quantized into scratch (in.h * in.w * in.c bytes) before its outputs.
template <typename Window>
void conv_loop_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                      const float* input, const Dims4& filter, const int8_t* weights,
                      const float* bias, const Dims4& out, float* output, int8_t* scratch) {
  const int32_t batch_size = in.h * in.w * in.c;
  const Dims4 one_batch = {1, in.h, in.w, in.c};
  for (int32_t b = 0; b < out.n; ++b) {
    const float* src = input + b * batch_size;
    const DynamicQuant dq = hw.asymmetric_inputs ? quantize_asymmetric(src, batch_size, scratch)
                                                 : quantize_symmetric(src, batch_size, scratch);
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t acc = Window::accumulate(p, one_batch, scratch, filter, weights, 0, oy, ox,
                                                 oc, -dq.zero_point);
          const float scale = hw.filter_scales[hw.per_channel ? oc : 0] * dq.scale;
          const float v = static_cast<float>(acc) * scale + (bias != nullptr ? bias[oc] : 0.0f);
          output[offset4(out, b, oy, ox, oc)] = clamp_f(v, p.act_min_f, p.act_max_f);
        }
      }
    }
  }
}

}  // namespace reference
}  // namespace kernels
}  // namespace strata
