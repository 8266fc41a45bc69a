#include "sweep_case.hpp"

#include "common/activation.hpp"
#include "common/padding.hpp"

namespace sweep {

using strata::kernels::ConvGeometry;
using strata::kernels::FusedActivation;
using strata::kernels::Padding;

// Ordinary RAM, not BSP_LARGE_DATA: it must be memory on every virtual board (see sweep_main.cpp).
Buffers g_case;

ChannelQuant ConvCase::quant() const { return {g_case.multiplier, g_case.shift, per_channel}; }
ChannelQuant FcCase::quant() const { return {g_case.multiplier, g_case.shift, channels > 1}; }

namespace {

FusedActivation activation(Rng* rng) {
  const FusedActivation acts[] = {FusedActivation::kNone, FusedActivation::kRelu,
                                  FusedActivation::kRelu6, FusedActivation::kReluN1To1};
  return acts[rng->range(0, 3)];
}

void fill_data(Rng* rng, int32_t inputs, int32_t weights, int32_t channels) {
  for (int32_t i = 0; i < inputs; ++i) {
    g_case.input[i] = static_cast<int8_t>(rng->range(-128, 127));
    g_case.input_f[i] = rng->real(-1.0f, 1.0f);
  }
  for (int32_t i = 0; i < weights; ++i) {
    g_case.weights[i] = static_cast<int8_t>(rng->range(-127, 127));
    g_case.weights_f[i] = rng->real(-1.0f, 1.0f);
  }
  for (int32_t c = 0; c < channels; ++c) {
    g_case.bias[c] = rng->range(-30000, 30000);
    g_case.bias_f[c] = rng->real(-1.0f, 1.0f);
  }
}

// Scales whose multipliers cover the fast requantization path and, rarely, both sides of it.
void fill_quant(Rng* rng, int32_t channels, int32_t scales, int32_t k, float* out_scale,
                float* in_scale, bool typical = false) {
  *in_scale = rng->real(0.005f, 0.2f);
  for (int32_t c = 0; c < scales; ++c) g_case.filter_scales[c] = rng->real(0.001f, 0.05f);
  const int32_t pick = typical ? 2 : rng->range(0, 19);
  float factor = rng->real(8.0f, 120.0f) * (k > 16 ? 4.0f : 2.0f);
  if (pick == 0) factor = 0.5f;
  if (pick == 1) factor = 1.0e8f;
  *out_scale = *in_scale * g_case.filter_scales[0] * factor;
  strata::kernels::compute_channel_multipliers(*in_scale, g_case.filter_scales, scales, *out_scale,
                                               channels, g_case.multiplier, g_case.shift);
}

bool conv_geometry(Rng* rng, ConvCase* c, bool assembly_path, bool three_by_three) {
  c->in = {
      rng->range(1, kMaxBatches), rng->range(1, kMaxHw), rng->range(1, kMaxHw),
      assembly_path && rng->range(0, 1) ? 4 * rng->range(1, kMaxInC / 4) : rng->range(1, kMaxInC)};
  ConvGeometry g{};
  g.padding = rng->range(0, 1) ? Padding::kSame : Padding::kValid;
  g.filter_h = rng->range(1, kMaxKernel);
  g.filter_w = rng->range(0, 2) == 0 ? rng->range(1, kMaxKernel) : g.filter_h;
  g.stride_h = rng->range(1, 3);
  g.stride_w = rng->range(0, 2) == 0 ? rng->range(1, 3) : g.stride_h;
  const bool dilate = rng->range(0, 5) == 0;
  g.dilation_h = dilate ? rng->range(1, 3) : 1;
  g.dilation_w = dilate ? rng->range(1, 3) : 1;
  if (three_by_three) {  // any depth: most take the planar path, multiples of 4 may not
    c->in.c = rng->range(1, kMaxInC);
    g.filter_h = g.filter_w = 3;
    g.stride_h = g.stride_w = rng->range(1, 2);
    g.dilation_h = g.dilation_w = 1;
  }
  g.in_h = c->in.h;
  g.in_w = c->in.w;
  g.depth_multiplier = 1;
  if (c->depthwise) {
    if (!three_by_three && rng->range(0, 3) == 0) {
      g.depth_multiplier = rng->range(2, kMaxMultiplier);
    }
    if (!three_by_three && rng->range(0, 5) == 0) c->in.c = 1;
    c->filter = {1, g.filter_h, g.filter_w, c->in.c * g.depth_multiplier};
  } else {
    int32_t groups = 1;
    if (c->in.c > 1 && rng->range(0, 7) == 0) {
      do groups = rng->range(2, c->in.c);
      while (c->in.c % groups != 0);
    }
    const int32_t per_group = rng->range(1, (kMaxOutC + groups - 1) / groups);
    c->filter = {groups * per_group, g.filter_h, g.filter_w, c->in.c / groups};
  }
  int32_t oh = 0;
  int32_t ow = 0;
  if (!strata::kernels::compute_conv_geometry(g, &c->p, &oh, &ow) || oh <= 0 || ow <= 0) {
    return false;
  }
  c->out = {c->in.n, oh, ow, c->depthwise ? c->filter.c : c->filter.n};
  return c->out.c <= kMaxChannels;
}

}  // namespace

ConvCase make_conv_case(Rng* rng, bool depthwise, bool assembly_path, bool three_by_three) {
  for (;;) {
    ConvCase c{};
    c.depthwise = depthwise;
    if (!conv_geometry(rng, &c, assembly_path, three_by_three)) continue;
    const FusedActivation act = assembly_path ? FusedActivation::kNone : activation(rng);
    c.per_channel = rng->range(0, 4) != 0;
    const int32_t k = c.filter.h * c.filter.w * (depthwise ? 1 : c.filter.c);
    float in_scale = 0.0f;
    float out_scale = 0.0f;
    fill_quant(rng, c.out.c, c.per_channel ? c.out.c : 1, k, &out_scale, &in_scale, assembly_path);
    if (!strata::kernels::compute_conv_quant(act, rng->range(-128, 127), out_scale,
                                             rng->range(-128, 127), &c.p)) {
      continue;
    }
    c.pf = c.p;
    strata::kernels::compute_conv_float(act, &c.pf);
    c.has_bias = assembly_path || rng->range(0, 4) != 0;
    fill_data(rng, flat_size(c.in), flat_size(c.filter), c.out.c);
    return c;
  }
}

FcCase make_fc_case(Rng* rng, bool assembly_path) {
  for (;;) {
    FcCase c{};
    c.p.batches = rng->range(1, 3);
    c.p.accum_depth = assembly_path ? 16 * rng->range(1, 32) : rng->range(1, kMaxFcDepth);
    c.p.units = rng->range(1, kMaxFcUnits);
    c.channels = rng->range(0, 2) == 0 ? c.p.units : 1;
    float in_scale = 0.0f;
    float out_scale = 0.0f;
    fill_quant(rng, c.channels, c.channels, c.p.accum_depth, &out_scale, &in_scale, assembly_path);
    ConvParams cp{};
    const FusedActivation act = assembly_path ? FusedActivation::kNone : activation(rng);
    if (!strata::kernels::compute_conv_quant(act, rng->range(-128, 127), out_scale,
                                             rng->range(-128, 127), &cp)) {
      continue;
    }
    c.p.input_offset = cp.input_offset;
    c.p.output_offset = cp.output_offset;
    c.p.act_min = cp.act_min;
    c.p.act_max = cp.act_max;
    c.pf = c.p;
    strata::kernels::compute_conv_float(activation(rng), &cp);
    c.pf.act_min_f = cp.act_min_f;
    c.pf.act_max_f = cp.act_max_f;
    c.has_bias = assembly_path || rng->range(0, 4) != 0;
    fill_data(rng, c.p.batches * c.p.accum_depth, c.p.units * c.p.accum_depth, c.p.units);
    return c;
  }
}

PoolCase make_pool_case(Rng* rng, bool int8) {
  for (;;) {
    PoolCase c{};
    c.in = {rng->range(1, 2), rng->range(1, kMaxHw), rng->range(1, kMaxHw), rng->range(1, kMaxInC)};
    const Padding pad = rng->range(0, 1) ? Padding::kSame : Padding::kValid;
    int32_t oh = 0;
    int32_t ow = 0;
    if (!strata::kernels::compute_pool_geometry(pad, rng->range(1, 3), rng->range(1, 3),
                                                rng->range(1, 5), rng->range(1, 5), c.in.h, c.in.w,
                                                &c.p, &oh, &ow) ||
        oh <= 0 || ow <= 0 ||
        !strata::kernels::compute_pool_activation(
            activation(rng), int8 ? strata::DataType::kInt8 : strata::DataType::kFloat32,
            rng->real(0.01f, 0.1f), rng->range(-128, 127), &c.p)) {
      continue;
    }
    c.out = {c.in.n, oh, ow, c.in.c};
    fill_data(rng, flat_size(c.in), 0, 0);
    return c;
  }
}

}  // namespace sweep
