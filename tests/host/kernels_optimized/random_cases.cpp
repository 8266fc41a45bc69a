#include "random_cases.hpp"

#include <cmath>
#include <sstream>

#include "common/activation.hpp"
#include "common/padding.hpp"

namespace strata_test {

using strata::kernels::ConvGeometry;
using strata::kernels::FusedActivation;
using strata::kernels::Padding;

namespace {

FusedActivation random_activation(std::mt19937* rng) {
  const FusedActivation acts[] = {FusedActivation::kNone, FusedActivation::kRelu,
                                  FusedActivation::kRelu6, FusedActivation::kReluN1To1};
  return acts[uniform(rng, 0, 3)];
}

std::vector<int8_t> random_bytes(std::mt19937* rng, size_t n, int lo, int hi) {
  std::vector<int8_t> v(n);
  for (int8_t& x : v) x = static_cast<int8_t>(uniform(rng, lo, hi));
  return v;
}

std::vector<float> random_floats(std::mt19937* rng, size_t n, float lo, float hi) {
  std::vector<float> v(n);
  for (float& x : v) x = uniform_f(rng, lo, hi);
  return v;
}

// An output scale around the typical accumulator magnitude, with rare extremes that push the
// requantization multiplier's shift outside the fast path (>= 0, or below -22).
float random_output_scale(std::mt19937* rng, float in_scale, float w_scale, int32_t k) {
  const int pick = uniform(rng, 0, 19);
  if (pick == 0) return in_scale * w_scale * 0.5f;    // multiplier > 1: shift > 0
  if (pick == 1) return in_scale * w_scale * 1.0e8f;  // very small multiplier
  return in_scale * w_scale * std::sqrt(static_cast<float>(k)) * uniform_f(rng, 8.0f, 120.0f);
}

struct Quant {
  float in_scale, out_scale;
  std::vector<float> w_scales;
};

Quant random_quant(std::mt19937* rng, int32_t channels, bool per_channel, int32_t k) {
  Quant q;
  q.in_scale = uniform_f(rng, 0.005f, 0.2f);
  const size_t n = per_channel ? static_cast<size_t>(channels) : 1u;
  q.w_scales = random_floats(rng, n, 0.001f, 0.05f);
  q.out_scale = random_output_scale(rng, q.in_scale, q.w_scales[0], k);
  return q;
}

bool pick_geometry(std::mt19937* rng, const ConvShapeLimits& lim, ConvCase* c) {
  c->in = {uniform(rng, 1, lim.max_batches), uniform(rng, 1, lim.max_hw),
           uniform(rng, 1, lim.max_hw),
           lim.force_in_c > 0 ? lim.force_in_c : uniform(rng, 1, lim.max_in_c)};
  ConvGeometry g{};
  g.padding = uniform(rng, 0, 1) ? Padding::kSame : Padding::kValid;
  g.filter_h = lim.force_kernel > 0 ? lim.force_kernel : uniform(rng, 1, lim.max_kernel);
  g.filter_w = lim.force_kernel > 0 ? lim.force_kernel : uniform(rng, 1, lim.max_kernel);
  g.stride_h = lim.force_stride > 0 ? lim.force_stride : uniform(rng, 1, lim.max_stride);
  g.stride_w = lim.force_stride > 0 ? lim.force_stride : uniform(rng, 1, lim.max_stride);
  const bool dilate = lim.max_dilation > 1 && uniform(rng, 0, 4) == 0;
  g.dilation_h = dilate ? uniform(rng, 1, lim.max_dilation) : 1;
  g.dilation_w = dilate ? uniform(rng, 1, lim.max_dilation) : 1;
  g.in_h = c->in.h;
  g.in_w = c->in.w;
  g.depth_multiplier = 1;
  if (c->depthwise) {
    const bool multiply = lim.force_multiplier == 0 && uniform(rng, 0, 3) == 0;
    g.depth_multiplier =
        lim.force_multiplier > 0 ? lim.force_multiplier : (multiply ? uniform(rng, 2, 4) : 1);
    c->filter = {1, g.filter_h, g.filter_w, c->in.c * g.depth_multiplier};
  } else {
    int groups = 1;
    if (lim.allow_groups && c->in.c > 1 && uniform(rng, 0, 7) == 0) {
      do groups = uniform(rng, 2, c->in.c);
      while (c->in.c % groups != 0);
    }
    const int per_group = uniform(rng, 1, (lim.max_out_c + groups - 1) / groups);
    c->filter = {groups * per_group, g.filter_h, g.filter_w, c->in.c / groups};
  }
  int32_t oh = 0;
  int32_t ow = 0;
  if (!strata::kernels::compute_conv_geometry(g, &c->p, &oh, &ow) || oh <= 0 || ow <= 0) {
    return false;
  }
  const int32_t channels = c->depthwise ? c->filter.c : c->filter.n;
  c->out = {c->in.n, oh, ow, channels};
  return true;
}

}  // namespace

ConvCase random_conv_case(std::mt19937* rng, bool depthwise, const ConvShapeLimits& lim) {
  for (;;) {
    ConvCase c;
    c.depthwise = depthwise;
    if (!pick_geometry(rng, lim, &c)) continue;
    const FusedActivation act = random_activation(rng);
    const int32_t channels = c.out.c;
    const int32_t k = c.filter.h * c.filter.w * (depthwise ? 1 : c.filter.c);
    c.per_channel = uniform(rng, 0, 4) != 0;
    const Quant q = random_quant(rng, channels, c.per_channel, k);
    c.input_zp = uniform(rng, -128, 127);
    c.output_zp = uniform(rng, -128, 127);
    if (lim.extreme_zero_points) {
      c.input_zp = uniform(rng, 0, 1) != 0 ? 127 : -128;
      c.output_zp = uniform(rng, 0, 1) != 0 ? 127 : -128;
    }
    if (!strata::kernels::compute_conv_quant(act, c.input_zp, q.out_scale, c.output_zp, &c.p)) {
      continue;
    }
    c.pf = c.p;
    strata::kernels::compute_conv_float(act, &c.pf);
    c.filter_scales = q.w_scales;
    c.multiplier.resize(channels);
    c.shift.resize(channels);
    strata::kernels::compute_channel_multipliers(
        q.in_scale, q.w_scales.data(), static_cast<int32_t>(q.w_scales.size()), q.out_scale,
        channels, c.multiplier.data(), c.shift.data());
    const size_t in_n = static_cast<size_t>(flat_size(c.in));
    const size_t w_n = static_cast<size_t>(flat_size(c.filter));
    c.input = random_bytes(rng, in_n, -128, 127);
    c.weights = random_bytes(rng, w_n, -127, 127);
    c.input_f = random_floats(rng, in_n, -1.0f, 1.0f);
    c.weights_f = random_floats(rng, w_n, -1.0f, 1.0f);
    if (uniform(rng, 0, 4) != 0) {
      c.bias.resize(channels);
      for (int32_t& b : c.bias) b = uniform(rng, -30000, 30000);
      c.bias_f = random_floats(rng, static_cast<size_t>(channels), -1.0f, 1.0f);
    }
    return c;
  }
}

std::string ConvCase::describe() const {
  std::ostringstream s;
  s << (depthwise ? "depthwise" : "conv") << " in " << in.n << "x" << in.h << "x" << in.w << "x"
    << in.c << " filter " << filter.n << "x" << filter.h << "x" << filter.w << "x" << filter.c
    << " out " << out.h << "x" << out.w << "x" << out.c << " stride " << p.stride_h << ","
    << p.stride_w << " dilation " << p.dilation_h << "," << p.dilation_w << " pad " << p.pad_h
    << "," << p.pad_w << " dm " << p.depth_multiplier << " zp " << input_zp << "/" << output_zp
    << " act [" << p.act_min << "," << p.act_max << "] shift0 " << int(shift[0])
    << (per_channel ? " per-channel" : " per-tensor") << (bias.empty() ? " no-bias" : "");
  return s.str();
}

FcCase random_fc_case(std::mt19937* rng, int max_depth, int max_units) {
  for (;;) {
    FcCase c;
    c.p.batches = uniform(rng, 1, 3);
    c.p.accum_depth = uniform(rng, 1, max_depth);
    c.p.units = uniform(rng, 1, max_units);
    const bool per_channel = uniform(rng, 0, 2) == 0;
    const Quant q = random_quant(rng, c.p.units, per_channel, c.p.accum_depth);
    const int32_t in_zp = uniform(rng, -128, 127);
    ConvParams cp{};
    if (!strata::kernels::compute_conv_quant(random_activation(rng), in_zp, q.out_scale,
                                             uniform(rng, -128, 127), &cp)) {
      continue;
    }
    c.p.input_offset = cp.input_offset;
    c.p.output_offset = cp.output_offset;
    c.p.act_min = cp.act_min;
    c.p.act_max = cp.act_max;
    c.pf = c.p;
    strata::kernels::compute_conv_float(random_activation(rng), &cp);
    c.pf.act_min_f = cp.act_min_f;
    c.pf.act_max_f = cp.act_max_f;
    const int32_t n = static_cast<int32_t>(q.w_scales.size());
    c.filter_scales = q.w_scales;
    c.multiplier.resize(n);
    c.shift.resize(n);
    strata::kernels::compute_channel_multipliers(q.in_scale, q.w_scales.data(), n, q.out_scale, n,
                                                 c.multiplier.data(), c.shift.data());
    const size_t in_n = static_cast<size_t>(c.p.batches * c.p.accum_depth);
    const size_t w_n = static_cast<size_t>(c.p.units * c.p.accum_depth);
    c.input = random_bytes(rng, in_n, -128, 127);
    c.weights = random_bytes(rng, w_n, -127, 127);
    c.input_f = random_floats(rng, in_n, -1.0f, 1.0f);
    c.weights_f = random_floats(rng, w_n, -1.0f, 1.0f);
    if (uniform(rng, 0, 4) != 0) {
      c.bias.resize(c.p.units);
      for (int32_t& b : c.bias) b = uniform(rng, -30000, 30000);
      c.bias_f = random_floats(rng, static_cast<size_t>(c.p.units), -1.0f, 1.0f);
    }
    return c;
  }
}

std::string FcCase::describe() const {
  std::ostringstream s;
  s << "fc batches " << p.batches << " depth " << p.accum_depth << " units " << p.units
    << " offset " << p.input_offset << "/" << p.output_offset << " act [" << p.act_min << ","
    << p.act_max << "] shift0 " << int(shift[0]) << (multiplier.size() > 1 ? " per-channel" : "");
  return s.str();
}

PoolCase random_pool_case(std::mt19937* rng, bool int8) {
  for (;;) {
    PoolCase c;
    c.in = {uniform(rng, 1, 2), uniform(rng, 1, 12), uniform(rng, 1, 12), uniform(rng, 1, 20)};
    const Padding pad = uniform(rng, 0, 1) ? Padding::kSame : Padding::kValid;
    int32_t oh = 0;
    int32_t ow = 0;
    if (!strata::kernels::compute_pool_geometry(pad, uniform(rng, 1, 3), uniform(rng, 1, 3),
                                                uniform(rng, 1, 5), uniform(rng, 1, 5), c.in.h,
                                                c.in.w, &c.p, &oh, &ow) ||
        oh <= 0 || ow <= 0) {
      continue;
    }
    if (!strata::kernels::compute_pool_activation(
            random_activation(rng), int8 ? strata::DataType::kInt8 : strata::DataType::kFloat32,
            uniform_f(rng, 0.01f, 0.1f), uniform(rng, -128, 127), &c.p)) {
      continue;
    }
    c.out = {c.in.n, oh, ow, c.in.c};
    c.input = random_bytes(rng, static_cast<size_t>(flat_size(c.in)), -128, 127);
    c.input_f = random_floats(rng, static_cast<size_t>(flat_size(c.in)), -2.0f, 2.0f);
    return c;
  }
}

std::string PoolCase::describe() const {
  std::ostringstream s;
  s << "pool in " << in.n << "x" << in.h << "x" << in.w << "x" << in.c << " filter " << p.filter_h
    << "x" << p.filter_w << " stride " << p.stride_h << "," << p.stride_w << " pad " << p.pad_h
    << "," << p.pad_w << " out " << out.h << "x" << out.w;
  return s.str();
}

long first_float_mismatch(const std::vector<float>& got, const std::vector<float>& want, float atol,
                          float rtol) {
  if (got.size() != want.size()) return 0;
  for (size_t i = 0; i < got.size(); ++i) {
    if (!(std::fabs(got[i] - want[i]) <= atol + rtol * std::fabs(want[i]))) {
      return static_cast<long>(i);
    }
  }
  return -1;
}

}  // namespace strata_test
