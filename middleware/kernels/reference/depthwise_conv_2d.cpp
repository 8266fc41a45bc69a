#include "reference/depthwise_conv_2d.hpp"

#include "common/conv_op.hpp"
#include "common/hybrid_quantize.hpp"
#include "common/quant_math.hpp"
#include "reference/registry.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

// One output element: sum over the window of one input channel.
template <typename In, typename W, typename Acc>
Acc depthwise_window(const ConvParams& p, const Dims4& in, const In* input, const Dims4& filter,
                     const W* weights, int32_t b, int32_t oy, int32_t ox, int32_t oc,
                     Acc in_offset) {
  const int32_t ic = oc / p.depth_multiplier;
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  Acc acc = 0;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = y0 + ky * p.dilation_h;
    if (iy < 0 || iy >= in.h) continue;
    for (int32_t kx = 0; kx < filter.w; ++kx) {
      const int32_t ix = x0 + kx * p.dilation_w;
      if (ix < 0 || ix >= in.w) continue;
      const Acc x = static_cast<Acc>(input[offset4(in, b, iy, ix, ic)]) + in_offset;
      acc += static_cast<Acc>(weights[offset4(filter, 0, ky, kx, oc)]) * x;
    }
  }
  return acc;
}

inline float clamp_f(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

}  // namespace

void depthwise_conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const float* weights, const float* bias,
                               const Dims4& out, float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          float acc = depthwise_window<float, float, float>(p, in, input, filter, weights, b, oy,
                                                            ox, oc, 0.0f);
          acc += bias != nullptr ? bias[oc] : 0.0f;
          output[offset4(out, b, oy, ox, oc)] = clamp_f(acc, p.act_min_f, p.act_max_f);
        }
      }
    }
  }
}

void depthwise_conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                            const int8_t* input, const Dims4& filter, const int8_t* weights,
                            const int32_t* bias, const Dims4& out, int8_t* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          int32_t acc = depthwise_window<int8_t, int8_t, int32_t>(p, in, input, filter, weights, b,
                                                                  oy, ox, oc, p.input_offset);
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

void depthwise_conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
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
          const int32_t acc = depthwise_window<int8_t, int8_t, int32_t>(
              p, one_batch, scratch, filter, weights, 0, oy, ox, oc, -dq.zero_point);
          const float scale = hw.filter_scales[hw.per_channel ? oc : 0] * dq.scale;
          const float v = static_cast<float>(acc) * scale + (bias != nullptr ? bias[oc] : 0.0f);
          output[offset4(out, b, oy, ox, oc)] = clamp_f(v, p.act_min_f, p.act_max_f);
        }
      }
    }
  }
}

namespace {

void invoke_float32(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_float32(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                            static_cast<const float*>(call.input(1)),
                            static_cast<const float*>(call.input(2)), d.output,
                            static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_int8(
      d.params, conv_channel_quant(d), d.input, static_cast<const int8_t*>(call.input(0)), d.filter,
      static_cast<const int8_t*>(call.input(1)), static_cast<const int32_t*>(call.input(2)),
      d.output, static_cast<int8_t*>(call.output(0)));
}

void invoke_hybrid(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_hybrid(
      d.params, conv_hybrid_weights(d), d.input, static_cast<const float*>(call.input(0)), d.filter,
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.input(2)), d.output,
      static_cast<float*>(call.output(0)), static_cast<int8_t*>(call.scratch()));
}

Status check(const OpContext& ctx, OpRequirements* req) {
  return conv_check(ctx, req, ConvInvokers{invoke_float32, invoke_int8, invoke_hybrid},
                    ConvKind::kDepthwise);
}

Status check_int8(const OpContext& ctx, OpRequirements* req) {
  return conv_check(ctx, req, ConvInvokers{nullptr, invoke_int8, nullptr}, ConvKind::kDepthwise);
}

Status check_float32(const OpContext& ctx, OpRequirements* req) {
  return conv_check(ctx, req, ConvInvokers{invoke_float32, nullptr, nullptr}, ConvKind::kDepthwise);
}

Status prepare(const OpContext& ctx, void* op_data) {
  return conv_prepare(ctx, op_data, ConvKind::kDepthwise);
}

}  // namespace

extern const Kernel kDepthwiseConv2D = {check, prepare};
extern const Kernel kDepthwiseConv2DInt8 = {check_int8, prepare};
extern const Kernel kDepthwiseConv2DFloat32 = {check_float32, prepare};

}  // namespace reference
}  // namespace kernels
}  // namespace strata
