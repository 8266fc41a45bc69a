#include "bsp/cycle_counter.hpp"
#include "optimized/conv_2d.hpp"
#include "optimized/conv_sinks.hpp"
#include "optimized/conv_plan.hpp"
#include "strata/format.hpp"
#include "test_console.hpp"
using namespace strata::kernels;
using namespace strata::kernels::optimized;
alignas(8) int8_t w[128*128];
alignas(8) int8_t in[36*128];
int32_t bias[128];
int32_t mult[128];
int8_t shift[128];
int8_t out[36*128];
alignas(8) uint8_t scratch[16384];
void pr(const char* what, uint64_t e) { char t[96]; strata::Format(t, sizeof t, "%s: %llu\r\n", what, (unsigned long long)e); test_console::print(t); }
int main(){
  test_console::start("probe");
  for (int i=0;i<128;++i) { mult[i] = (1<<30) + i; shift[i] = -9; }
  ConvParams p{}; p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = 1; p.depth_multiplier = 1;
  p.input_offset = 128; p.output_offset = -128; p.act_min = -128; p.act_max = 127;
  strata::kernels::compute_conv_quant(strata::kernels::FusedActivation::kRelu, -128, 0.05f, -128, &p);
  float scales[128];
  for (int32_t c = 0; c < 128; ++c) scales[c] = 0.01f + 0.0001f * static_cast<float>(c);
  strata::kernels::compute_channel_multipliers(0.05f, scales, 128, 0.05f * 40.0f, 128, mult, shift);
  { char t[96]; strata::Format(t, sizeof t, "shift0 %d act %d %d\r\n", shift[0], (int)p.act_min, (int)p.act_max); test_console::print(t); }
  ChannelQuant q{mult, shift, true};
  Dims4 din{1,6,6,128}, f{128,1,1,128}, dout{1,6,6,128};
  uint64_t b = bsp::cycle_counter::now();
  conv_2d_int8(p, q, din, in, f, w, bias, dout, out, scratch);
  pr("conv_2d_int8 pw128", bsp::cycle_counter::now() - b);
  b = bsp::cycle_counter::now();
  Int8Sink sink(p, q, bias, 128, out, 128, reinterpret_cast<ChannelRequant*>(scratch));
  pr("sink ctor", bsp::cycle_counter::now() - b);
  b = bsp::cycle_counter::now();
  Int8ConvPlan plan = make_conv_plan(p, din, f, dout, 128);
  run_int8_conv(plan, in, w, scratch + 4096, sink);
  pr("run_int8_conv", bsp::cycle_counter::now() - b);
  test_console::done(true);
}
