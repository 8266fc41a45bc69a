// Layer micro-benchmark firmware: instructions of single optimized kernel calls on the layer
// shapes of the conformance models (kws01, ic01, person_detect, micro_speech, ad01), for tuning
// and for the per-layer analysis (where the instructions go). One line per layer:
// `@layer <name> macs=<n> instructions=<n>`. Not a test: the kernel sweep checks correctness.
#include "bsp/cycle_counter.hpp"
#include "optimized/conv_2d.hpp"
#include "optimized/depthwise_conv_2d.hpp"
#include "optimized/fully_connected.hpp"
#include "strata/format.hpp"
#include "sweep_check.hpp"
#include "test_console.hpp"

namespace {

using strata::kernels::ConvGeometry;
using strata::kernels::Dims4;
using sweep::g_out;
namespace opt = strata::kernels::optimized;

constexpr int32_t kMaxIn = 36864;  // person_detect 48x48x16
constexpr int32_t kMaxW = 40000;
constexpr int32_t kMaxOut = 20000;
int8_t g_in[kMaxIn];
int8_t g_w[kMaxW];
int32_t g_bias[512];
int8_t g_dst[kMaxOut];
int32_t g_multiplier[512];
int8_t g_shift[512];

struct Layer {
  const char* name;
  bool depthwise;
  Dims4 in;
  int32_t kh, kw, stride, out_c;  // out_c: CONV_2D filters, or the depth multiplier
  bool same;
};

void report(const char* name, uint64_t macs, uint64_t instructions) {
  char text[160];
  strata::Format(text, sizeof(text), "@layer %s macs=%llu instructions=%llu per_mac=%.2f\r\n", name,
                 static_cast<unsigned long long>(macs),
                 static_cast<unsigned long long>(instructions),
                 static_cast<double>(instructions) / static_cast<double>(macs));
  test_console::print(text);
}

void run_conv(const Layer& l) {
  ConvGeometry g{};
  g.padding = l.same ? strata::kernels::Padding::kSame : strata::kernels::Padding::kValid;
  g.stride_h = g.stride_w = l.stride;
  g.dilation_h = g.dilation_w = 1;
  g.in_h = l.in.h;
  g.in_w = l.in.w;
  g.filter_h = l.kh;
  g.filter_w = l.kw;
  g.depth_multiplier = l.depthwise ? l.out_c : 1;
  strata::kernels::ConvParams p{};
  int32_t oh = 0;
  int32_t ow = 0;
  strata::kernels::compute_conv_geometry(g, &p, &oh, &ow);
  strata::kernels::compute_conv_quant(strata::kernels::FusedActivation::kRelu, -128, 0.05f, -128,
                                      &p);
  const Dims4 filter =
      l.depthwise ? Dims4{1, l.kh, l.kw, l.in.c * l.out_c} : Dims4{l.out_c, l.kh, l.kw, l.in.c};
  const int32_t channels = l.depthwise ? filter.c : filter.n;
  const Dims4 out = {1, oh, ow, channels};
  float scales[512];
  for (int32_t c = 0; c < channels; ++c) scales[c] = 0.01f + 0.0001f * static_cast<float>(c);
  strata::kernels::compute_channel_multipliers(0.05f, scales, channels, 0.05f * 40.0f, channels,
                                               g_multiplier, g_shift);
  const strata::kernels::ChannelQuant q = {g_multiplier, g_shift, true};
  const uint64_t begin = bsp::cycle_counter::now();
  if (l.depthwise) {
    opt::depthwise_conv_2d_int8(p, q, l.in, g_in, filter, g_w, g_bias, out, g_dst, g_out.scratch);
  } else {
    opt::conv_2d_int8(p, q, l.in, g_in, filter, g_w, g_bias, out, g_dst, g_out.scratch);
  }
  const uint64_t elapsed = bsp::cycle_counter::now() - begin;
  const uint64_t taps = l.depthwise ? static_cast<uint64_t>(l.kh * l.kw)
                                    : static_cast<uint64_t>(l.kh * l.kw * l.in.c);
  report(l.name, taps * static_cast<uint64_t>(oh * ow * channels), elapsed);
}

void run_fc(const char* name, int32_t depth, int32_t units) {
  strata::kernels::FullyConnectedParams p{};
  p.batches = 1;
  p.accum_depth = depth;
  p.units = units;
  p.input_offset = 10;
  p.output_offset = -128;
  p.act_min = -128;
  p.act_max = 127;
  g_multiplier[0] = 1 << 30;
  g_shift[0] = -8;
  const strata::kernels::ChannelQuant q = {g_multiplier, g_shift, false};
  const uint64_t begin = bsp::cycle_counter::now();
  opt::fully_connected_int8(p, q, g_in, g_w, g_bias, g_dst, g_out.scratch);
  report(name, static_cast<uint64_t>(depth * units), bsp::cycle_counter::now() - begin);
}

}  // namespace

int main() {
  test_console::start("layer_bench");
  for (int32_t i = 0; i < kMaxIn; ++i) g_in[i] = static_cast<int8_t>(i * 37 + 11);
  for (int32_t i = 0; i < kMaxW; ++i) g_w[i] = static_cast<int8_t>(i * 53 + 7);
  for (int32_t i = 0; i < 512; ++i) g_bias[i] = i * 91 - 3000;
  const Layer layers[] = {
      {"kws_conv0_10x4_s2", false, {1, 49, 10, 1}, 10, 4, 2, 64, true},
      {"kws_dw3x3", true, {1, 25, 5, 64}, 3, 3, 1, 1, true},
      {"kws_pw1x1", false, {1, 25, 5, 64}, 1, 1, 1, 64, true},
      {"ic01_conv0_3x3x3", false, {1, 32, 32, 3}, 3, 3, 1, 16, true},
      {"ic01_conv3x3x16", false, {1, 32, 32, 16}, 3, 3, 1, 16, true},
      {"ic01_conv3x3x32", false, {1, 16, 16, 32}, 3, 3, 1, 32, true},
      {"person_dw0_m8_s2", true, {1, 96, 96, 1}, 3, 3, 2, 8, true},
      {"person_dw3x3_48x48x8", true, {1, 48, 48, 8}, 3, 3, 1, 1, true},
      {"person_pw8to16", false, {1, 48, 48, 8}, 1, 1, 1, 16, true},
      {"person_dw3x3_s2_48x48x16", true, {1, 48, 48, 16}, 3, 3, 2, 1, true},
      {"person_dw3x3_24x24x32", true, {1, 24, 24, 32}, 3, 3, 1, 1, true},
      {"person_dw3x3_s2_24x24x32", true, {1, 24, 24, 32}, 3, 3, 2, 1, true},
      {"person_dw3x3_12x12x64", true, {1, 12, 12, 64}, 3, 3, 1, 1, true},
      {"person_dw3x3_s2_12x12x64", true, {1, 12, 12, 64}, 3, 3, 2, 1, true},
      {"person_dw3x3_6x6x128", true, {1, 6, 6, 128}, 3, 3, 1, 1, true},
      {"person_dw3x3_s2_6x6x128", true, {1, 6, 6, 128}, 3, 3, 2, 1, true},
      {"person_dw3x3_3x3x256", true, {1, 3, 3, 256}, 3, 3, 1, 1, true},
      {"person_pw128", false, {1, 6, 6, 128}, 1, 1, 1, 128, true},
      {"micro_dw10x8_m8_s2", true, {1, 49, 40, 1}, 10, 8, 2, 8, true},
  };
  for (const Layer& l : layers) run_conv(l);
  run_fc("ad01_fc640x128", 640, 128);
  run_fc("ad01_fc128x128", 128, 128);
  run_fc("micro_fc4000x4", 4000, 4);
  run_fc("hello_fc16x16", 16, 16);
  test_console::done(true);
}
