#include "optimized/depthwise_conv_2d.hpp"

#include "common/conv_op.hpp"
#include "common/hybrid_quantize.hpp"
#include "common/weighted_op.hpp"
#include "optimized/conv_plan.hpp"
#include "optimized/conv_sinks.hpp"
#include "optimized/depthwise_channels.hpp"
#include "optimized/depthwise_outputs.hpp"
#include "optimized/depthwise_planar.hpp"
#include "optimized/depthwise_single.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

// Output pixels below which the channel-group path is preferred at stride 1.
constexpr int32_t kChannelsPathMaxPixels = 64;

// Depth multiplier > 1 as a grouped convolution: the filter [1][kh][kw][C*M] as [C*M][kh][kw][1].
struct GroupedDepthwise {
  Dims4 filter;  // the transposed filter's shape
  uint32_t weights_bytes;
};

GroupedDepthwise grouped_shape(const Dims4& filter) {
  GroupedDepthwise g;
  g.filter = Dims4{filter.c, filter.h, filter.w, 1};
  g.weights_bytes = align8u(static_cast<uint32_t>(filter.h * filter.w * filter.c));
  return g;
}

int8_t* transpose_filter(const Dims4& filter, const int8_t* weights, void* scratch) {
  int8_t* t = static_cast<int8_t*>(scratch);
  const int32_t taps = filter.h * filter.w;
  for (int32_t oc = 0; oc < filter.c; ++oc) {
    const int8_t* src = weights + oc;
    for (int32_t k = 0; k < taps; ++k, src += filter.c) *t++ = *src;
  }
  return static_cast<int8_t*>(scratch);
}

uint32_t grouped_scratch(const Dims4& in, const Dims4& filter, const Dims4& out, bool table) {
  const GroupedDepthwise g = grouped_shape(filter);
  const Int8ConvPlan plan = make_conv_plan(ConvParams{}, in, g.filter, out, 0);
  return g.weights_bytes + (table ? align8u(requant_table_bytes(out.c)) : 0u) +
         conv_engine_scratch_bytes(plan);
}

// The planar path over every batch, band of output rows and channel (pairs of channels share
// one fill pass); make_out(c, batch_output, plan, band, w, acc, oy0, rows) runs one channel.
template <class MakeOut>
void run_planar(const PlanarPlan& plan, int32_t batches, const int8_t* input, const int8_t* weights,
                int32_t out_batch_elems, void* scratch, MakeOut make_out) {
  int16_t* plane0 = static_cast<int16_t*>(scratch);
  int16_t* plane1 = plane0 + plane_elems(plan);
  int16_t* w = plane1 + plane_elems(plan);
  int32_t* acc = reinterpret_cast<int32_t*>(w + ((plan.kh * plan.kw + 3) & ~3));
  clear_plane(plan, plane0);
  clear_plane(plan, plane1);
  const int32_t in_batch = plan.in_h * plan.in_w * plan.channels;
  for (int32_t b = 0; b < batches; ++b) {
    const int8_t* batch = input + b * in_batch;
    const int32_t out_base = b * out_batch_elems;
    for (int32_t oy0 = 0; oy0 < plan.out_h; oy0 += plan.band_rows) {
      const int32_t rows = plan.out_h - oy0 < plan.band_rows ? plan.out_h - oy0 : plan.band_rows;
      int32_t c = 0;
      for (; c + 2 <= plan.channels; c += 2) {
        fill_plane_pair(plan, batch, c, oy0, rows, plane0, plane1);
        load_channel_weights(plan, weights, c, w);
        make_out(c, out_base, plan, plane0, w, acc, oy0, rows);
        load_channel_weights(plan, weights, c + 1, w);
        make_out(c + 1, out_base, plan, plane1, w, acc, oy0, rows);
      }
      if (c < plan.channels) {
        fill_plane(plan, batch, c, oy0, rows, plane0);
        load_channel_weights(plan, weights, c, w);
        make_out(c, out_base, plan, plane0, w, acc, oy0, rows);
      }
    }
  }
}

// The NHWC channel-group path beats the planar one where the planar path's per-channel set-up
// dominates: small outputs (measured on the Cortex-M7 board). At stride 2 the planar path used to
// lose on many channels too (four input pixels copied per output), but with its assembly row
// loop it wins from 12x12 outputs on (person_detect's 24x24x32 stride-2 layer: 194,828 against
// 205,743 instructions).
bool prefer_channels_path(const ConvParams& p, const Dims4& in, const Dims4& out) {
  return channels_path_applies(p, in) && out.h * out.w < kChannelsPathMaxPixels;
}

}  // namespace

uint32_t depthwise_conv_2d_int8_scratch_bytes(const ConvParams& p, const Dims4& in,
                                              const Dims4& filter, const Dims4& out) {
  if (p.depth_multiplier == 1) {
    const uint32_t planar = planar_scratch_bytes(make_planar_plan(p, in, filter, out, 0));
    const uint32_t channels = channels_scratch_bytes(in, filter);
    return prefer_channels_path(p, in, out) && channels > planar ? channels : planar;
  }
  if (single_channel_applies(in, filter)) {
    return single_channel_scratch_bytes(filter) + requant_table_bytes(out.c);
  }
  return grouped_scratch(in, filter, out, true);
}

uint32_t depthwise_conv_2d_hybrid_scratch_bytes(const ConvParams& p, const Dims4& in,
                                                const Dims4& filter, const Dims4& out) {
  const uint32_t batch = align8u(static_cast<uint32_t>(in.h * in.w * in.c));
  if (p.depth_multiplier == 1) {
    return batch + planar_scratch_bytes(make_planar_plan(p, in, filter, out, 0));
  }
  if (single_channel_applies(in, filter)) return batch + single_channel_scratch_bytes(filter);
  return batch + grouped_scratch(in, filter, out, false);
}

uint32_t depthwise_conv_2d_int8_inplace_lead(uint32_t window_lead, int32_t channels,
                                             int32_t filter_channels) {
  if (filter_channels != channels) return window_lead;  // depth multiplier > 1: pixel by pixel
  // The window lead is a whole number of pixels (input and output pixels have the same size):
  // add pixels until it is also a multiple of kArenaAlignment (at most kArenaAlignment - 1).
  uint64_t lead = window_lead;
  for (uint32_t i = 1; i < kArenaAlignment && lead % kArenaAlignment != 0; ++i) {
    lead += static_cast<uint32_t>(channels);
  }
  return lead > 0x7FFFFFFFu ? 0x7FFFFFFFu : static_cast<uint32_t>(lead);
}

void depthwise_conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                            const int8_t* input, const Dims4& filter, const int8_t* weights,
                            const int32_t* bias, const Dims4& out, int8_t* output, void* scratch) {
  if (p.depth_multiplier == 1) {
    if (prefer_channels_path(p, in, out) &&
        depthwise_channels_int8(p, q, in, input, filter, weights, bias, out, output, scratch)) {
      return;
    }
    const PlanarPlan plan = make_planar_plan(p, in, filter, out, p.input_offset);
    const Int8PlanarOutputs outs(p, q, bias, output, out);
    run_planar(plan, in.n, input, weights, out.h * out.w * out.c, scratch, outs);
    return;
  }
  if (single_channel_applies(in, filter)) {
    auto* wp = static_cast<uint32_t*>(scratch);
    pack_single_channel_weights(filter, weights, wp);
    auto* table = reinterpret_cast<ChannelRequant*>(static_cast<uint8_t*>(scratch) +
                                                    single_channel_scratch_bytes(filter));
    const Int8Sink sink(p, q, bias, out.c, output, out.c, table);
    if (const ChannelRequant* fast = sink.fast_full_range_table()) {
      single_channel_int8_fast_run((filter.h * filter.w + 1) / 2, p, in, input, filter, out, wp,
                                   bias, fast, output);
      return;
    }
    auto emit = [&sink](int32_t m, int32_t acc, int32_t pixel) {
      acc += sink.initial(m);
      sink.put<1>(m, &acc, pixel);
    };
    single_channel_run(p, in, input, filter, out, p.input_offset, wp, emit);
    return;
  }
  const GroupedDepthwise g = grouped_shape(filter);
  const int8_t* wt = transpose_filter(filter, weights, scratch);
  uint8_t* rest = static_cast<uint8_t*>(scratch) + g.weights_bytes;
  Int8Sink sink(p, q, bias, out.c, output, out.c, reinterpret_cast<ChannelRequant*>(rest));
  run_int8_conv(make_conv_plan(p, in, g.filter, out, p.input_offset), input, wt,
                rest + align8u(requant_table_bytes(out.c)), sink);
}

void depthwise_conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                              const float* input, const Dims4& filter, const int8_t* weights,
                              const float* bias, const Dims4& out, float* output, void* scratch) {
  const int32_t batch_size = in.h * in.w * in.c;
  int8_t* quantized = static_cast<int8_t*>(scratch);
  uint8_t* rest = reinterpret_cast<uint8_t*>(quantized) + align8u(batch_size);
  const Dims4 one = {1, in.h, in.w, in.c};
  const GroupedDepthwise g = grouped_shape(filter);
  const bool single = p.depth_multiplier != 1 && single_channel_applies(in, filter);
  const int8_t* wt = nullptr;
  auto* wp = reinterpret_cast<uint32_t*>(rest);
  if (single) {
    pack_single_channel_weights(filter, weights, wp);
  } else if (p.depth_multiplier != 1) {
    wt = transpose_filter(filter, weights, rest);
  }
  for (int32_t b = 0; b < in.n; ++b) {
    const float* src = input + b * batch_size;
    const DynamicQuant dq = hw.asymmetric_inputs ? quantize_asymmetric(src, batch_size, quantized)
                                                 : quantize_symmetric(src, batch_size, quantized);
    float* dst = output + b * out.h * out.w * out.c;
    if (p.depth_multiplier == 1) {
      const PlanarPlan plan = make_planar_plan(p, one, filter, out, -dq.zero_point);
      const HybridPlanarOutputs outs(p, hw, dq.scale, bias, dst, out);
      run_planar(plan, 1, quantized, weights, 0, rest, outs);
    } else if (single) {
      const HybridSink sink(p, hw, dq.scale, bias, dst, out.c);
      auto emit = [&sink](int32_t m, int32_t acc, int32_t pixel) { sink.put<1>(m, &acc, pixel); };
      const Dims4 out_one = {1, out.h, out.w, out.c};
      single_channel_run(p, one, quantized, filter, out_one, -dq.zero_point, wp, emit);
    } else {
      HybridSink sink(p, hw, dq.scale, bias, dst, out.c);
      run_int8_conv(make_conv_plan(p, one, g.filter, out, -dq.zero_point), quantized, wt,
                    rest + g.weights_bytes, sink);
    }
  }
}

namespace depthwise_conv_2d {
namespace {

// The float32 kernel needs no scratch.
uint32_t scratch_bytes(Variant v, const ConvParams& p, const Dims4& in, const Dims4& filter,
                       const Dims4& out) {
  if (v == Variant::kInt8) return depthwise_conv_2d_int8_scratch_bytes(p, in, filter, out);
  if (v == Variant::kHybrid) return depthwise_conv_2d_hybrid_scratch_bytes(p, in, filter, out);
  return 0;
}

}  // namespace

namespace {

// Whether the windows' extent fits the planar path's int32 plane arithmetic: a hostile model's
// strides and dilations can make it wrap. Such operators go to the reference kernel.
bool planar_extent_fits(const OpContext& ctx) {
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_DepthwiseConv2DOptions() : nullptr;
  const TensorView& filter = ctx.input(1);
  const TensorView& out = ctx.output(0);
  if (o == nullptr || filter.rank != 4 || out.rank != 4) return true;  // prepare refuses it
  const int64_t h = int64_t{out.dims[1] - 1} * o->stride_h() +
                    int64_t{filter.dims[1] - 1} * o->dilation_h_factor() + 1;
  const int64_t w = int64_t{out.dims[2] - 1} * o->stride_w() +
                    int64_t{filter.dims[2] - 1} * o->dilation_w_factor() + 1;
  constexpr int64_t kLimit = int64_t{1} << 24;
  return h > -kLimit && h < kLimit && w > -kLimit && w < kLimit;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  if (!planar_extent_fits(ctx)) {
    req->use_fallback = true;
    return Status::Ok();
  }
  STRATA_RETURN_IF_ERROR(conv_prepare(ctx, req, op_data, ConvKind::kDepthwise, scratch_bytes));
  // No -fwrapv here (it costs instructions): weights that could overflow the accumulator go to
  // the reference kernel, which wraps as TFLite does.
  const TensorView& filter = ctx.input(1);
  if (req->variant == Variant::kInt8 &&
      !int8_accumulator_fits(filter, ctx.input(2),
                             static_cast<uint32_t>(filter.dims[1]) * filter.dims[2])) {
    req->use_fallback = true;
    return Status::Ok();
  }
  if (req->variant == Variant::kInt8 && req->inplace_lead_bytes >= 0) {
    req->inplace_lead_bytes = static_cast<int32_t>(
        depthwise_conv_2d_int8_inplace_lead(static_cast<uint32_t>(req->inplace_lead_bytes),
                                            ctx.input(0).dims[3], ctx.input(1).dims[3]));
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_float32(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                            static_cast<const float*>(call.input(1)),
                            static_cast<const float*>(call.optional_input(2)), d.output,
                            static_cast<float*>(call.output(0)));
}

void invoke_float16(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_float16(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                            static_cast<const Half*>(call.input(1)), call.optional_input(2),
                            (d.flags & kHalfBias) != 0, d.output,
                            static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_int8(d.params, conv_channel_quant(d), d.input,
                         static_cast<const int8_t*>(call.input(0)), d.filter,
                         static_cast<const int8_t*>(call.input(1)),
                         static_cast<const int32_t*>(call.optional_input(2)), d.output,
                         static_cast<int8_t*>(call.output(0)), call.scratch());
}

void invoke_hybrid(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  depthwise_conv_2d_hybrid(
      d.params, conv_hybrid_weights(d), d.input, static_cast<const float*>(call.input(0)), d.filter,
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.optional_input(2)),
      d.output, static_cast<float*>(call.output(0)), call.scratch());
}

}  // namespace depthwise_conv_2d

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
