// CONV_2D and DEPTHWISE_CONV_2D sweeps: int8 (out of place and in place at the planner's tightest
// overlap), float32 and hybrid.
#include "kernel.hpp"
#include "optimized/conv_2d.hpp"
#include "optimized/depthwise_conv_2d.hpp"
#include "reference/conv_2d.hpp"
#include "reference/depthwise_conv_2d.hpp"
#include "sweep_check.hpp"

namespace sweep {
namespace {

using strata::kernels::HybridWeights;
namespace ref = strata::kernels::reference;
namespace opt = strata::kernels::optimized;

uint32_t inplace_lead(const ConvCase& c) {
  const strata::WindowGeometry g = {c.in.n,
                                    c.in.h,
                                    c.in.w,
                                    c.out.h,
                                    c.out.w,
                                    c.p.stride_h,
                                    c.p.stride_w,
                                    c.p.pad_h,
                                    c.p.pad_w,
                                    static_cast<uint32_t>(c.in.c),
                                    static_cast<uint32_t>(c.out.c)};
  return strata::WindowInplaceLead(g);
}

// The int8 kernel of either op, with or without the in-place layout.
void run_int8(const ConvCase& c, bool optimized, bool inplace) {
  const Buffers& b = g_case;
  const int32_t* bias = c.has_bias ? b.bias : nullptr;
  const int8_t* input = b.input;
  int8_t* output = optimized ? g_out.opt : g_out.ref;
  uint32_t lead = 0;
  if (inplace) {
    lead = inplace_lead(c);
    int8_t* base = reinterpret_cast<int8_t*>(g_out.inplace);
    for (int32_t i = 0; i < flat_size(c.in); ++i) base[lead + i] = b.input[i];
    input = base + lead;
    output = base;
  }
  if (!optimized) {
    if (c.depthwise) {
      ref::depthwise_conv_2d_int8(c.p, c.quant(), c.in, input, c.filter, b.weights, bias, c.out,
                                  output);
    } else {
      ref::conv_2d_int8(c.p, c.quant(), c.in, input, c.filter, b.weights, bias, c.out, output);
    }
    return;
  }
  garble(g_out.scratch, kScratchBytes);
  if (c.depthwise) {
    opt::depthwise_conv_2d_int8(c.p, c.quant(), c.in, input, c.filter, b.weights, bias, c.out,
                                output, g_out.scratch);
  } else {
    opt::conv_2d_int8(c.p, c.quant(), c.in, input, c.filter, b.weights, bias, c.out, output,
                      g_out.scratch);
  }
  if (inplace) {
    for (int32_t i = 0; i < flat_size(c.out); ++i) g_out.opt[i] = output[i];
  }
}

uint32_t scratch_needed(const ConvCase& c) {
  const uint32_t i8 = c.depthwise
                          ? opt::depthwise_conv_2d_int8_scratch_bytes(c.p, c.in, c.filter, c.out)
                          : opt::conv_2d_int8_scratch_bytes(c.in, c.filter, c.out);
  const uint32_t hy = c.depthwise
                          ? opt::depthwise_conv_2d_hybrid_scratch_bytes(c.pf, c.in, c.filter, c.out)
                          : opt::conv_2d_hybrid_scratch_bytes(c.in, c.filter, c.out);
  const uint32_t f = c.depthwise ? 0u : opt::conv_2d_float32_scratch_bytes(c.in, c.filter, c.out);
  uint32_t m = i8 > hy ? i8 : hy;
  return m > f ? m : f;
}

void run_float(const ConvCase& c, bool optimized) {
  const Buffers& b = g_case;
  const float* bias = c.has_bias ? b.bias_f : nullptr;
  float* out = optimized ? g_out.opt_f : g_out.ref_f;
  if (c.depthwise) {
    if (optimized) {
      opt::depthwise_conv_2d_float32(c.pf, c.in, b.input_f, c.filter, b.weights_f, bias, c.out,
                                     out);
    } else {
      ref::depthwise_conv_2d_float32(c.pf, c.in, b.input_f, c.filter, b.weights_f, bias, c.out,
                                     out);
    }
  } else if (optimized) {
    opt::conv_2d_float32(c.pf, c.in, b.input_f, c.filter, b.weights_f, bias, c.out, out,
                         g_out.scratch);
  } else {
    ref::conv_2d_float32(c.pf, c.in, b.input_f, c.filter, b.weights_f, bias, c.out, out);
  }
}

void run_hybrid(const ConvCase& c, bool optimized, bool asymmetric) {
  const Buffers& b = g_case;
  const HybridWeights hw = {b.filter_scales, c.per_channel, asymmetric};
  const float* bias = c.has_bias ? b.bias_f : nullptr;
  float* out = optimized ? g_out.opt_f : g_out.ref_f;
  auto* scratch8 = reinterpret_cast<int8_t*>(g_out.scratch);
  if (c.depthwise) {
    if (optimized) {
      opt::depthwise_conv_2d_hybrid(c.pf, hw, c.in, b.input_f, c.filter, b.weights, bias, c.out,
                                    out, g_out.scratch);
    } else {
      ref::depthwise_conv_2d_hybrid(c.pf, hw, c.in, b.input_f, c.filter, b.weights, bias, c.out,
                                    out, scratch8);
    }
  } else if (optimized) {
    opt::conv_2d_hybrid(c.pf, hw, c.in, b.input_f, c.filter, b.weights, bias, c.out, out,
                        g_out.scratch);
  } else {
    ref::conv_2d_hybrid(c.pf, hw, c.in, b.input_f, c.filter, b.weights, bias, c.out, out, scratch8);
  }
}

bool check_case(const char* what, const ConvCase& c, int32_t i) {
  const int32_t n = flat_size(c.out);
  if (scratch_needed(c) > kScratchBytes)
    return report_failure(what, i, "scratch too large", c.in, c.out);
  run_int8(c, false, false);
  run_int8(c, true, (i & 1) != 0);
  if (!same_bytes(g_out.opt, g_out.ref, n)) {
    return report_failure(what, i, (i & 1) ? "int8 differs (in place)" : "int8 differs", c.in,
                          c.out);
  }
  run_float(c, false);
  run_float(c, true);
  if (!close_floats(g_out.opt_f, g_out.ref_f, n)) {
    return report_failure(what, i, "float32 outside tolerance", c.in, c.out);
  }
  run_hybrid(c, false, (i & 2) != 0);
  run_hybrid(c, true, (i & 2) != 0);
  if (!close_floats(g_out.opt_f, g_out.ref_f, n)) {
    return report_failure(what, i, "hybrid outside tolerance", c.in, c.out);
  }
  return true;
}

// Every other case is drawn for the assembly loops' preconditions.
bool check_all(const char* what, bool depthwise, uint32_t seed, int32_t count,
               bool three_by_three = false) {
  Rng rng(seed);
  for (int32_t i = 0; i < count; ++i) {
    const bool assembly_path = (i & 2) != 0;
    const ConvCase c = make_conv_case(&rng, depthwise, assembly_path, three_by_three);
    if (!check_case(what, c, i)) return false;
  }
  return true;
}

}  // namespace

bool check_conv(uint32_t seed, int32_t count) { return check_all("conv_2d", false, seed, count); }

bool check_depthwise(uint32_t seed, int32_t count) {
  return check_all("depthwise_conv_2d", true, seed, count);
}

bool check_depthwise_3x3(uint32_t seed, int32_t count) {
  return check_all("depthwise_3x3", true, seed, count, true);
}

}  // namespace sweep
