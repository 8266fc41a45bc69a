#include "reference/conv_2d.hpp"

#include "common/conv_op.hpp"
#include "common/int4.hpp"
#include "reference/conv_loops.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

// Accumulates one output element over the filter window: the input channels of oc's group.
// accumulate() is static (no object argument on every call) and defined out of the class, so it
// is not implicitly inline: the int8 and hybrid loops share one copy (smaller reference flash).
struct ConvWindow {
  template <typename In, typename W, typename Acc>
  static Acc accumulate(const ConvParams& p, const Dims4& in, const In* input, const Dims4& filter,
                        const W* weights, int32_t b, int32_t oy, int32_t ox, int32_t oc,
                        Acc in_offset);
};

template <typename In, typename W, typename Acc>
Acc ConvWindow::accumulate(const ConvParams& p, const Dims4& in, const In* input,
                           const Dims4& filter, const W* weights, int32_t b, int32_t oy, int32_t ox,
                           int32_t oc, Acc in_offset) {
  const int32_t groups_depth = filter.c;
  const int32_t group = oc / (filter.n / (in.c / groups_depth));
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  Acc acc = 0;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = y0 + ky * p.dilation_h;
    if (iy < 0 || iy >= in.h) continue;
    for (int32_t kx = 0; kx < filter.w; ++kx) {
      const int32_t ix = x0 + kx * p.dilation_w;
      if (ix < 0 || ix >= in.w) continue;
      const In* src = input + offset4(in, b, iy, ix, group * groups_depth);
      const W* w = weights + offset4(filter, oc, ky, kx, 0);
      for (int32_t ic = 0; ic < groups_depth; ++ic) {
        acc += static_cast<Acc>(weight_value(w[ic])) * (static_cast<Acc>(src[ic]) + in_offset);
      }
    }
  }
  return acc;
}

}  // namespace

void conv_2d_float32(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const float* weights, const float* bias, const Dims4& out, float* output) {
  conv_loop_float32<ConvWindow>(p, in, input, filter, weights, bias, out, output);
}

void conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const Half* weights, const void* bias, bool half_bias, const Dims4& out,
                     float* output) {
  if (half_bias) {
    conv_loop_float32<ConvWindow>(p, in, input, filter, weights, static_cast<const Half*>(bias),
                                  out, output);
  } else {
    conv_loop_float32<ConvWindow>(p, in, input, filter, weights, static_cast<const float*>(bias),
                                  out, output);
  }
}

void conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in, const int8_t* input,
                  const Dims4& filter, const int8_t* weights, const int32_t* bias, const Dims4& out,
                  int8_t* output) {
  conv_loop_int8<ConvWindow>(p, q, in, input, filter, weights, bias, out, output);
}

void conv_2d_int16(const ConvParams& p, const ChannelQuant& q, bool wide, const Dims4& in,
                   const int16_t* input, const Dims4& filter, const int8_t* weights,
                   const void* bias, const Dims4& out, int16_t* output) {
  conv_loop_int16<ConvWindow>(p, q, wide, in, input, filter, weights, bias, out, output);
}

void conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                    const float* input, const Dims4& filter, const int8_t* weights,
                    const float* bias, const Dims4& out, float* output, int8_t* scratch) {
  conv_loop_hybrid<ConvWindow>(p, hw, in, input, filter, weights, bias, out, output, scratch);
}

namespace conv_2d {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return conv_prepare(ctx, req, op_data, ConvKind::kConv2D, nullptr);
}

void invoke_float32(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_float32(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                  static_cast<const float*>(call.input(1)),
                  static_cast<const float*>(call.optional_input(2)), d.output,
                  static_cast<float*>(call.output(0)));
}

void invoke_float16(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_float16(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                  static_cast<const Half*>(call.input(1)), call.optional_input(2),
                  (d.flags & kHalfBias) != 0, d.output, static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_int8(d.params, conv_channel_quant(d), d.input, static_cast<const int8_t*>(call.input(0)),
               d.filter, static_cast<const int8_t*>(call.input(1)),
               static_cast<const int32_t*>(call.optional_input(2)), d.output,
               static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_int16(d.params, conv_channel_quant(d), (d.flags & kWideAccumulator) != 0, d.input,
                static_cast<const int16_t*>(call.input(0)), d.filter,
                static_cast<const int8_t*>(call.input(1)), call.optional_input(2), d.output,
                static_cast<int16_t*>(call.output(0)));
}

// The packed int4 weights are unpacked into scratch on every invoke (no persistent copy).
void invoke_int4(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  int8_t* weights = static_cast<int8_t*>(call.scratch());
  unpack_int4(call.input(1), static_cast<uint32_t>(flat_size(d.filter)), weights);
  conv_2d_int8(d.params, conv_channel_quant(d), d.input, static_cast<const int8_t*>(call.input(0)),
               d.filter, weights, static_cast<const int32_t*>(call.optional_input(2)), d.output,
               static_cast<int8_t*>(call.output(0)));
}

void invoke_hybrid(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_hybrid(
      d.params, conv_hybrid_weights(d), d.input, static_cast<const float*>(call.input(0)), d.filter,
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.optional_input(2)),
      d.output, static_cast<float*>(call.output(0)), static_cast<int8_t*>(call.scratch()));
}

}  // namespace conv_2d

}  // namespace reference
}  // namespace kernels
}  // namespace strata
