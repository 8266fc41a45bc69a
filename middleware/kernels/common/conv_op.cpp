#include "common/conv_op.hpp"

#include "common/op_checks.hpp"
#include "common/weighted_op.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

// Everything prepare() derives from the operator, computed once per call.
struct ConvAnalysis {
  Variant variant;
  FusedActivation act;
  bool asymmetric;
  uint32_t flags;  // kWideAccumulator
  ConvParams params;
  Dims4 input;
  Dims4 filter;
  Dims4 output;
};

Status read_options(const OpContext& ctx, ConvKind kind, ConvGeometry* g, FusedActivation* act) {
  if (kind == ConvKind::kConv2D) {
    const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_Conv2DOptions() : nullptr;
    if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing Conv2DOptions");
    *g = {static_cast<Padding>(o->padding()),
          o->stride_h(),
          o->stride_w(),
          o->dilation_h_factor(),
          o->dilation_w_factor(),
          0,
          0,
          0,
          0,
          1};
    *act = static_cast<FusedActivation>(o->fused_activation_function());
  } else {
    const auto* o =
        ctx.op != nullptr ? ctx.op->builtin_options_as_DepthwiseConv2DOptions() : nullptr;
    if (o == nullptr) {
      return OpError(ctx, StatusCode::kMalformedModel, "missing DepthwiseConv2DOptions");
    }
    *g = {static_cast<Padding>(o->padding()),
          o->stride_h(),
          o->stride_w(),
          o->dilation_h_factor(),
          o->dilation_w_factor(),
          0,
          0,
          0,
          0,
          1};
    *act = static_cast<FusedActivation>(o->fused_activation_function());
  }
  return Status::Ok();
}

// Shape relations between input, filter and output channels.
Status check_channels(const OpContext& ctx, ConvKind kind, const Dims4& in, const Dims4& f,
                      int32_t* depth_multiplier) {
  bool ok;
  if (kind == ConvKind::kDepthwise) {
    ok = f.n == 1 && in.c > 0 && f.c % in.c == 0;
    *depth_multiplier = ok ? f.c / in.c : 0;
  } else {
    // Grouped convolution: the input depth is a positive multiple of the filter depth (an input
    // depth of 0 would make the group count 0).
    ok = f.c > 0 && in.c > 0 && in.c % f.c == 0 && f.n % (in.c / f.c) == 0;
    *depth_multiplier = 1;
  }
  if (!ok) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "filter [%d,%d,%d,%d] does not match input depth %d", static_cast<int>(f.n),
                   static_cast<int>(f.h), static_cast<int>(f.w), static_cast<int>(f.c),
                   static_cast<int>(in.c));
  }
  return Status::Ok();
}

// TFLite Micro's 16x8 CONV_2D takes an int32 bias (quantized_bias_type) or an int64 one and
// accumulates in the bias's type (32 bits without a bias); its DEPTHWISE_CONV_2D reads the bias as
// int64 and accumulates in 64 bits.
Status check_quantization(const OpContext& ctx, ConvKind kind, ConvAnalysis* a, int32_t channels) {
  const bool depthwise = kind == ConvKind::kDepthwise;
  STRATA_RETURN_IF_ERROR(check_weighted_bias(ctx, ctx.input(2), a->variant, channels, !depthwise,
                                             depthwise, &a->flags));
  return prepare_weighted_quantization(ctx, a->variant, ctx.input(0), ctx.input(1), channels,
                                       a->act, &a->params);
}

Status analyze(const OpContext& ctx, ConvKind kind, ConvAnalysis* a) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 3));
  ConvGeometry g;
  STRATA_RETURN_IF_ERROR(read_options(ctx, kind, &g, &a->act));
  STRATA_RETURN_IF_ERROR(pick_weighted_variant(ctx, "filter", &a->variant));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, ctx.input(0), "input", &a->input));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, ctx.input(1), "filter", &a->filter));
  STRATA_RETURN_IF_ERROR(check_channels(ctx, kind, a->input, a->filter, &g.depth_multiplier));
  g.in_h = a->input.h;
  g.in_w = a->input.w;
  g.filter_h = a->filter.h;
  g.filter_w = a->filter.w;
  a->params = ConvParams{};
  int32_t out_h = 0;
  int32_t out_w = 0;
  if (!compute_conv_geometry(g, &a->params, &out_h, &out_w)) {
    return OpError(ctx, StatusCode::kMalformedModel, "invalid stride, dilation or padding");
  }
  const int32_t channels = kind == ConvKind::kDepthwise ? a->filter.c : a->filter.n;
  a->output = {a->input.n, out_h, out_w, channels};
  STRATA_RETURN_IF_ERROR(check_dims4(ctx, ctx.output(0), "output", a->output));
  a->flags = 0;
  STRATA_RETURN_IF_ERROR(check_quantization(ctx, kind, a, channels));
  // Conv2DOptions has no asymmetric flag: TFLite quantizes hybrid inputs asymmetrically exactly
  // when the filter is per-channel quantized.
  a->asymmetric = ctx.input(1).num_quant > 1;
  return Status::Ok();
}

// Bytes of the per-channel arrays after ConvOpData.
CheckedSize channel_bytes(Variant v, int32_t channels) {
  if (is_integer_variant(v)) return CheckedSize(channels) * 5;  // int32 multiplier, int8 shift
  if (v == Variant::kHybrid) return CheckedSize(channels) * 4;  // float scale
  return 0;
}

void fill_op_data(const OpContext& ctx, const ConvAnalysis& a, ConvOpData* d) {
  d->params = a.params;
  d->input = a.input;
  d->filter = a.filter;
  d->output = a.output;
  d->channels = a.output.c;
  const TensorView& w = ctx.input(1);
  d->flags =
      (w.num_quant > 1 ? kConvPerChannel : 0u) | (a.asymmetric ? kConvAsymmetric : 0u) | a.flags;
  if (is_integer_variant(a.variant)) {
    int32_t* mult = reinterpret_cast<int32_t*>(d + 1);
    int8_t* shift = reinterpret_cast<int8_t*>(mult + d->channels);
    compute_channel_multipliers(ctx.input(0).scale, w.scales, static_cast<int32_t>(w.num_quant),
                                ctx.output(0).scale, d->channels, mult, shift);
  } else if (a.variant == Variant::kHybrid) {
    float* scales = reinterpret_cast<float*>(d + 1);
    for (int32_t c = 0; c < d->channels; ++c) scales[c] = w.scales[w.num_quant > 1 ? c : 0];
  }
}

}  // namespace

Status conv_prepare(const OpContext& ctx, OpRequirements* req, void* op_data, ConvKind kind,
                    ConvScratchFn scratch) {
  ConvAnalysis a;
  STRATA_RETURN_IF_ERROR(analyze(ctx, kind, &a));
  req->variant = a.variant;
  req->input_slots = 3;  // the bias (input 2) is optional
  STRATA_RETURN_IF_ERROR(require_size(ctx,
                                      channel_bytes(a.variant, a.output.c) + sizeof(ConvOpData),
                                      "op data", &req->op_data_bytes));
  req->op_data_bytes = align8(req->op_data_bytes);
  // Every backend computes output pixels in (batch, y, x) order, each from its own window only,
  // so the output may overlap the input as far as WindowInplaceLead allows.
  const uint32_t in_elem = DataTypeSize(ctx.input(0).type);  // the output's too
  const WindowGeometry wg = {a.input.n,
                             a.input.h,
                             a.input.w,
                             a.output.h,
                             a.output.w,
                             a.params.stride_h,
                             a.params.stride_w,
                             a.params.pad_h,
                             a.params.pad_w,
                             static_cast<uint32_t>(a.input.c) * in_elem,
                             static_cast<uint32_t>(a.output.c) * in_elem};
  req->inplace_lead_bytes = static_cast<int32_t>(WindowInplaceLead(wg));
  if (scratch != nullptr) {
    req->scratch_bytes = scratch(a.variant, a.params, a.input, a.filter, a.output);
  } else if (a.variant == Variant::kHybrid) {
    req->scratch_bytes = static_cast<uint32_t>(a.input.h * a.input.w * a.input.c);
  } else if (a.variant == Variant::kInt4) {
    req->scratch_bytes = ctx.input(1).elements;  // the weights unpacked to int8
  }
  if (op_data != nullptr) fill_op_data(ctx, a, static_cast<ConvOpData*>(op_data));
  return Status::Ok();
}

ChannelQuant conv_channel_quant(const ConvOpData& d) {
  const int32_t* mult = reinterpret_cast<const int32_t*>(&d + 1);
  return {mult, reinterpret_cast<const int8_t*>(mult + d.channels), true};
}

HybridWeights conv_hybrid_weights(const ConvOpData& d) {
  return {reinterpret_cast<const float*>(&d + 1), true, (d.flags & kConvAsymmetric) != 0};
}

}  // namespace kernels
}  // namespace strata
