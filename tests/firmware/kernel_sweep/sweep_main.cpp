// Kernel sweep firmware: random-shape comparison of the optimized kernels with the reference
// kernels on the virtual board itself (Cortex-M7 mps2-an500, Cortex-M4 mps2-an386), so the DSP
// instructions, the inline assembly and the FPU code paths the host shim cannot exercise are
// checked where they run. Passes (exit code 0) only when every case matches.
#include "common/arithmetic_params.hpp"
#include "optimized/arithmetic.hpp"
#include "optimized/fully_connected.hpp"
#include "optimized/pooling.hpp"
#include "reference/arithmetic.hpp"
#include "reference/fully_connected.hpp"
#include "reference/pooling.hpp"
#include "sweep_check.hpp"
#include "test_console.hpp"

namespace sweep {

namespace ref = strata::kernels::reference;
namespace opt = strata::kernels::optimized;

bool check_fully_connected(uint32_t seed, int32_t count) {
  Rng rng(seed);
  for (int32_t i = 0; i < count; ++i) {
    const FcCase c = make_fc_case(&rng, (i & 2) != 0);  // every other case: assembly preconditions
    const Buffers& b = g_case;
    const int32_t n = c.p.batches * c.p.units;
    const Dims4 shape = {c.p.batches, 1, c.p.units, c.p.accum_depth};
    // Odd cases read the weights one byte off word alignment (the unaligned-row path).
    int8_t* w = reinterpret_cast<int8_t*>(g_out.inplace) + (i & 1);
    for (int32_t k = 0; k < c.p.units * c.p.accum_depth; ++k) w[k] = b.weights[k];
    ref::fully_connected_int8(c.p, c.quant(), b.input, w, c.has_bias ? b.bias : nullptr, g_out.ref);
    garble(g_out.scratch, kScratchBytes);
    opt::fully_connected_int8(c.p, c.quant(), b.input, w, c.has_bias ? b.bias : nullptr, g_out.opt,
                              g_out.scratch);
    if (!same_bytes(g_out.opt, g_out.ref, n))
      return report_failure("fc", i, "int8 differs", shape, shape);
    ref::fully_connected_float32(c.pf, b.input_f, b.weights_f, c.has_bias ? b.bias_f : nullptr,
                                 g_out.ref_f);
    opt::fully_connected_float32(c.pf, b.input_f, b.weights_f, c.has_bias ? b.bias_f : nullptr,
                                 g_out.opt_f);
    if (!close_floats(g_out.opt_f, g_out.ref_f, n)) {
      return report_failure("fc", i, "float32 outside tolerance", shape, shape);
    }
  }
  return true;
}

bool check_pooling(uint32_t seed, int32_t count) {
  Rng rng(seed);
  for (int32_t i = 0; i < count; ++i) {
    const bool average = (i & 1) != 0;
    const PoolCase c = make_pool_case(&rng, true);
    const int32_t n = flat_size(c.out);
    if (average) {
      ref::average_pool_2d_int8(c.p, c.in, g_case.input, c.out, g_out.ref);
      opt::average_pool_2d_int8(c.p, c.in, g_case.input, c.out, g_out.opt);
    } else {
      ref::max_pool_2d_int8(c.p, c.in, g_case.input, c.out, g_out.ref);
      opt::max_pool_2d_int8(c.p, c.in, g_case.input, c.out, g_out.opt);
    }
    if (!same_bytes(g_out.opt, g_out.ref, n)) {
      return report_failure(average ? "average_pool" : "max_pool", i, "int8 differs", c.in, c.out);
    }
  }
  return true;
}

bool check_add(uint32_t seed, int32_t count) {
  Rng rng(seed);
  for (int32_t i = 0; i < count; ++i) {
    strata::kernels::ArithmeticParams p{};
    const float s1 = rng.real(0.005f, 0.2f);
    const strata::kernels::BinaryQuant q = {s1,
                                            rng.range(-128, 127),
                                            (i & 3) == 0 ? s1 : rng.real(0.005f, 0.2f),
                                            rng.range(-128, 127),
                                            rng.real(0.005f, 0.4f),
                                            rng.range(-128, 127),
                                            -128,
                                            127};
    if (!strata::kernels::compute_add_params(q, strata::kernels::FusedActivation::kRelu, &p)) {
      continue;
    }
    const int32_t n = rng.range(1, kMaxInput);
    int8_t* b_in = reinterpret_cast<int8_t*>(g_out.inplace);
    for (int32_t k = 0; k < n; ++k) {
      g_case.input[k] = static_cast<int8_t>(rng.range(-128, 127));
      b_in[k] = static_cast<int8_t>(rng.range(-128, 127));
    }
    const strata::kernels::BroadcastPlan plan = strata::kernels::flat_plan(n);
    ref::add_int8(p, plan, g_case.input, b_in, g_out.ref);
    opt::add_int8(p, plan, g_case.input, b_in, g_out.opt, g_out.scratch);
    const Dims4 shape = {1, 1, 1, n};
    if (!same_bytes(g_out.opt, g_out.ref, n))
      return report_failure("add", i, "int8 differs", shape, shape);
  }
  return true;
}

}  // namespace sweep

int main() {
  test_console::start("kernel_sweep");
  struct Sweep {
    const char* name;
    bool (*run)(uint32_t, int32_t);
    int32_t count;
  };
  const Sweep sweeps[] = {
      {"conv_2d", sweep::check_conv, 1000},
      {"depthwise_conv_2d", sweep::check_depthwise, 1000},
      {"fully_connected", sweep::check_fully_connected, 600},
      {"pooling", sweep::check_pooling, 600},
      {"add", sweep::check_add, 200},
      {"depthwise_3x3", sweep::check_depthwise_3x3, 400},
  };
  if (!sweep::buffers_are_memory()) {
    test_console::print("sweep buffers do not retain writes (not RAM on this board)\r\n");
    test_console::done(false);
  }
  bool ok = true;
  uint32_t seed = 1;
  for (const Sweep& s : sweeps) {
    const bool passed = s.run(seed++, s.count);
    test_console::print("sweep ");
    test_console::print(s.name);
    test_console::print(passed ? ": " : ": FAILED after up to ");
    test_console::print_u64(static_cast<uint64_t>(s.count));
    test_console::print(passed ? " random cases match the reference\r\n" : " cases\r\n");
    ok = ok && passed;
  }
  test_console::done(ok);
}
