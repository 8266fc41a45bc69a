// The inference reports (see model_report.hpp).
#include "commands/model_report.hpp"

#include <string.h>

#include "bsp/board.hpp"
#include "bsp/cycle_counter.hpp"
#include "commands/model_view.hpp"
#include "console_out.hpp"
#include "link/crc32.hpp"
#include "strata/format.hpp"
#include "strata/op_resolver.hpp"

namespace app {
namespace report {
namespace {

using ull = unsigned long long;
using ul = unsigned long;

constexpr uint32_t kMaxPrintedValues = 16;
char g_response[128];

// Tenths of a microsecond for `count` cycles at the board's real clock.
ull tenths_of_us(uint64_t count) {
  const uint64_t hz = bsp::clock_info().core_hz;
  return hz > 0 ? static_cast<ull>(count * 10000000ull / hz) : 0;
}

const char* sample_name(const strata_models::ModelInfo& info, uint32_t k) {
  return k < info.num_samples ? info.samples[k].name : "zeros";
}

void print_layer_row(const strata_models::ModelSession& session, uint32_t i,
                     const strata_models::LayerRecord& r, uint64_t total) {
  const char* op = strata::OpName(session.model().op_code(i));
  const ull permille = total > 0 ? static_cast<ull>(r.count * 1000 / total) : 0;
  if (!r.ran) {
    printf("%3lu  %-20s %14s\r\n", static_cast<ul>(i), op, "(not run)");
  } else if (bsp::cycle_counter::counts_cycles()) {
    const ull us = tenths_of_us(r.count);
    printf("%3lu  %-20s %'14llu %8llu.%llu %4llu.%llu%%\r\n", static_cast<ul>(i), op,
           static_cast<ull>(r.count), us / 10, us % 10, permille / 10, permille % 10);
  } else {
    printf("%3lu  %-20s %'14llu %4llu.%llu%%\r\n", static_cast<ul>(i), op,
           static_cast<ull>(r.count), permille / 10, permille % 10);
  }
}

void print_layer_record(const strata_models::ModelSession& session, uint32_t i,
                        const strata_models::LayerRecord& r, uint64_t total) {
  const ull permille = total > 0 ? static_cast<ull>(r.count * 1000 / total) : 0;
  printf("@layer index=%lu op=%s count=%llu unit=%s share=%llu.%llu ran=%d subgraph=%lu",
         static_cast<ul>(i), strata::OpName(session.model().op_code(i)), static_cast<ull>(r.count),
         bsp::cycle_counter::unit(), permille / 10, permille % 10, r.ran ? 1 : 0,
         static_cast<ul>(session.model().op_subgraph(i)));
  if (bsp::cycle_counter::counts_cycles()) {
    const ull us = tenths_of_us(r.count);
    printf(" us=%llu.%llu", us / 10, us % 10);
  }
  print("\r\n");
}

void print_stats(const char* phase, const RunStats& s) {
  const char* unit = bsp::cycle_counter::unit();
  printf("  %-9s %'14llu %'14llu %'14llu", phase, static_cast<ull>(s.min),
         static_cast<ull>(s.avg()), static_cast<ull>(s.max));
  if (bsp::cycle_counter::counts_cycles()) {
    const ull us = tenths_of_us(s.avg());
    printf("  (avg %llu.%llu us)", us / 10, us % 10);
  }
  print("\r\n");
  printf("@bench phase=%s runs=%lu unit=%s min=%llu avg=%llu max=%llu\r\n", phase,
         static_cast<ul>(s.runs), unit, static_cast<ull>(s.min), static_cast<ull>(s.avg()),
         static_cast<ull>(s.max));
}

}  // namespace

void sample_header(const strata_models::ModelSession& session, uint32_t k) {
  const strata_models::ModelInfo& info = session.info();
  printf("inference: %s, %s kernels, sample %lu (%s)%s\r\n", info.name, info.kernels,
         static_cast<ul>(k), sample_name(info, k),
         count_variables(session.model()) > 0 ? ", from reset state" : "");
}

void layer_table(const strata_models::ModelSession& session,
                 const strata_models::LayerProfile& profile) {
  const uint64_t sum = profile.total();
  if (bsp::cycle_counter::counts_cycles()) {
    printf("%3s  %-20s %14s %10s %6s\r\n", "#", "op", "cycles", "us", "share");
  } else {
    printf("%3s  %-20s %14s %6s\r\n", "#", "op", bsp::cycle_counter::unit(), "share");
  }
  const strata::Model& m = session.model();
  const uint32_t ops = m.num_operators();
  for (uint32_t i = 0; i < ops; ++i) print_layer_row(session, i, profile.record(i), sum);
  // The profiled Invoke counts an op inside a subgraph on its own row (summed over its runs)
  // and takes it out of the control-flow op that ran it, so the rows still add up to the total.
  for (uint32_t s = 1; s < m.num_subgraphs(); ++s) {
    const ul first = m.subgraph_first_op(s);
    printf("  #%lu..%lu: subgraph %lu, all its runs (not in the count of the op that ran it)\r\n",
           first, first + m.subgraph_num_ops(s) - 1, static_cast<ul>(s));
  }
  total(session, profile);
  for (uint32_t i = 0; i < ops; ++i) print_layer_record(session, i, profile.record(i), sum);
}

void total(const strata_models::ModelSession& session, const strata_models::LayerProfile& profile) {
  const ull count = profile.total();
  const ull macs = session.info().total_macs;
  const char* unit = bsp::cycle_counter::unit();
  printf("total:  %'llu %s", count, unit);
  if (bsp::cycle_counter::counts_cycles()) {
    const ull us = tenths_of_us(count);
    printf(" = %llu.%llu us", us / 10, us % 10);
  }
  if (macs > 0) {
    const ull per_mac = count * 100 / macs;
    printf(" for %'llu MACs (%llu.%02llu per MAC)", macs, per_mac / 100, per_mac % 100);
  }
  print("\r\n");
  printf("@total count=%llu unit=%s macs=%llu", count, unit, macs);
  if (bsp::cycle_counter::counts_cycles()) {
    const ull us = tenths_of_us(count);
    printf(" us=%llu.%llu", us / 10, us % 10);
  }
  print("\r\n");
}

void outputs(const strata_models::ModelSession& session) {
  for (uint32_t o = 0; o < session.interpreter().num_outputs(); ++o) {
    const uint32_t n = session.OutputElements(o);
    const uint32_t shown = n < kMaxPrintedValues ? n : kMaxPrintedValues;
    printf("output %lu:", static_cast<ul>(o));
    for (uint32_t i = 0; i < shown; ++i) printf(" %.3f", session.OutputValue(o, i));
    if (shown < n) printf(" ... (%lu values)", static_cast<ul>(n));
    print("\r\n");
    printf("@output index=%lu values=", static_cast<ul>(o));
    for (uint32_t i = 0; i < shown; ++i) printf(i ? ",%.4f" : "%.4f", session.OutputValue(o, i));
    // All of the output's bytes, for bit-exact comparisons with the host (values stop at 16).
    const strata::TensorView t = session.interpreter().output(o);
    printf(" crc=0x%08lx\r\n",
           static_cast<ul>(crc32_update(0, static_cast<const uint8_t*>(t.data), t.bytes)));
  }
}

const char* format_response(const strata_models::ModelSession& session, uint32_t k) {
  const strata_models::ModelInfo& info = session.info();
  const strata_models::SampleInfo* sample = k < info.num_samples ? &info.samples[k] : nullptr;
  if (session.OutputElements(0) > 1) {
    float score = 0.0f;
    const int32_t top = session.TopClass(0, &score);
    strata::Format(g_response, sizeof(g_response),
                   "@result sample=%lu name=%s top=%ld score=%.4f "
                   "label=%ld",
                   static_cast<ul>(k), sample_name(info, k), static_cast<long>(top), score,
                   static_cast<long>(sample ? sample->label : -1));
    return g_response;
  }
  size_t n = strata::Format(g_response, sizeof(g_response),
                            "@result sample=%lu name=%s x=%.4f "
                            "value=%.4f",
                            static_cast<ul>(k), sample_name(info, k),
                            sample ? sample->input_value : 0.0f, session.OutputValue(0, 0));
  if (sample != nullptr && sample->num_expected > 0 && n < sizeof(g_response)) {
    strata::Format(g_response + n, sizeof(g_response) - n, " expected=%.4f", sample->expected[0]);
  }
  return g_response;
}

void result(const strata_models::ModelSession& session, uint32_t k) {
  const strata_models::ModelInfo& info = session.info();
  const int32_t label = k < info.num_samples ? info.samples[k].label : -1;
  if (session.OutputElements(0) > 1) {
    float score = 0.0f;
    const long top = session.TopClass(0, &score);
    printf("result: class %ld (score %.3f)", top, score);
    if (label >= 0)
      printf(", label %ld: %s", static_cast<long>(label), top == label ? "right" : "WRONG");
    print("\r\n");
  } else {
    printf("result: %.4f\r\n", session.OutputValue(0, 0));
  }
  printf("%s\r\n", format_response(session, k));
}

void bench(const strata_models::ModelSession& session, const RunStats& populate,
           const RunStats& invoke, const RunStats& respond) {
  printf("bench:  %s, %s kernels, %lu runs of sample 0%s, counts in %s\r\n", session.info().name,
         session.info().kernels, static_cast<ul>(invoke.runs),
         count_variables(session.model()) > 0 ? " (each from reset state)" : "",
         bsp::cycle_counter::unit());
  printf("  %-9s %14s %14s %14s\r\n", "phase", "min", "avg", "max");
  print_stats("populate", populate);
  print_stats("invoke", invoke);
  print_stats("respond", respond);
}

void bench_outputs(unsigned long runs, unsigned long same, uint32_t crc, const char* response) {
  if (same == runs) {
    printf("outputs: the same in all %lu runs (CRC-32 0x%08lx)\r\n", runs, static_cast<ul>(crc));
  } else {
    printf("error: outputs differ: %lu of %lu runs match the first (same input every run)\r\n",
           same, runs);
  }
  printf("@bench_outputs runs=%lu same=%lu crc=0x%08lx\r\n", runs, same, static_cast<ul>(crc));
  printf("%s\r\n", response);
}

void zero_inputs(strata_models::ModelSession& session, uint32_t first) {
  if (!session.ready()) return;
  for (uint32_t i = first; i < session.interpreter().num_inputs(); ++i) {
    const strata::TensorView input = session.interpreter().input(i);
    if (input.data != nullptr) memset(input.data, 0, input.bytes);
  }
}

}  // namespace report
}  // namespace app
