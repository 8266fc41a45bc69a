// The model commands of a firmware built with a model: `1` model view, `2` inference on the
// built-in sample with the per-layer table, `run <n>` sample n, `bench <N>` timing statistics.
//
// The model comes from the generated strata_model.hpp (strata_models::built_in), its session from
// model_instance. Counts are in bsp::cycle_counter::unit(): cycles on real boards, instructions on
// virtual ones (never called cycles there).
#include "commands/model_commands.hpp"

#include "bsp/cycle_counter.hpp"
#include "bsp/watchdog.hpp"
#include "commands/model_instance.hpp"
#include "commands/model_report.hpp"
#include "commands/model_view.hpp"
#include "commands/run_stats.hpp"
#include "console_out.hpp"
#include "firmware_variant.hpp"
#include "link/crc32.hpp"
#include "strata_model.hpp"
#include "strata_models/layer_profile.hpp"
#include "strata_models/model_session.hpp"

namespace app {
namespace {

namespace model = strata_models::built_in;

strata_models::ModelSession& g_session = instance::session();

constexpr unsigned long kMaxBenchRuns = 10000;
constexpr unsigned long kMaxNumber = 1000000;  // any larger argument is a typo

// Prepares on first use; prints the runtime's message when the model cannot run.
bool ensure_prepared() {
  const strata::CycleCounter counter = instance::board_counter();
  const strata::Status& status = g_session.Prepare(&counter);
  if (status.ok()) return true;
  printf("error: prepare failed: %s\r\n", status.message());
  printf("@error stage=prepare code=%s\r\n", strata::StatusCodeName(status.code()));
  return false;
}

// Writes every input before each Invoke, which may overwrite them (their memory is reused once
// consumed): input 0 gets sample `k` (zeros for a model without samples), the others zeros.
bool populate(uint32_t k) {
  report::zero_inputs(g_session, model::kInfo.num_samples == 0 ? 0 : 1);
  if (model::kInfo.num_samples == 0) return true;
  if (g_session.LoadSample(k)) return true;
  printf("error: sample %lu does not exist (0..%lu)\r\n", static_cast<unsigned long>(k),
         static_cast<unsigned long>(model::kInfo.num_samples - 1));
  return false;
}

// One profiled inference of sample `k` from reset state; false (message printed) on failure.
// A stateful model (variable tensors, e.g. an LSTM's cell state) would otherwise answer the same
// sample differently every time: each command runs one Invoke from the state after Prepare, so
// the same input gives the same output (the model view says so).
bool infer(uint32_t k, strata_models::LayerProfile* profile) {
  if (!ensure_prepared() || !populate(k)) return false;
  g_session.interpreter().ResetVariables();
  const strata::Status status = g_session.Invoke(profile);
  if (status.ok()) return true;
  printf("error: invoke failed: %s\r\n", status.message());
  return false;
}

bool sample_arg(const CommandLine& line, std::size_t index, uint32_t* k) {
  if (line.arg_count <= index) return true;  // default: sample 0
  const unsigned long count = model::kInfo.num_samples > 0 ? model::kInfo.num_samples : 1;
  unsigned long value = 0;
  // Compared here rather than through parse_uint's limit, which must stay >= 9 to be exact.
  if (!parse_uint(line.args[index], kMaxNumber, &value) || value >= count) {
    printf("error: sample must be 0..%lu\r\n", count - 1);
    return false;
  }
  *k = static_cast<uint32_t>(value);
  return true;
}

void run_model_view(const CommandLine&) {
  if (ensure_prepared()) report::model_view(g_session);
}

void run_inference(const CommandLine& line) {
  uint32_t k = 0;
  if (!sample_arg(line, 0, &k)) return;
  strata_models::LayerProfile profile = instance::fresh_profile();
  if (!infer(k, &profile)) return;
  report::sample_header(g_session, k);
  report::layer_table(g_session, profile);
  report::outputs(g_session);
  report::result(g_session, k);
}

void run_sample(const CommandLine& line) {
  uint32_t k = 0;
  if (line.arg_count != 1) {
    print("error: usage: run <n>\r\n");
    return;
  }
  if (!sample_arg(line, 0, &k)) return;
  strata_models::LayerProfile profile = instance::fresh_profile();
  if (!infer(k, &profile)) return;
  report::sample_header(g_session, k);
  report::total(g_session, profile);
  report::outputs(g_session);
  report::result(g_session, k);
}

// CRC-32 of every output's bytes: bench compares runs with it (the same input must give the same
// outputs every run).
uint32_t outputs_crc() {
  uint32_t crc = 0;
  const strata::Interpreter& interpreter = g_session.interpreter();
  for (uint32_t o = 0; o < interpreter.num_outputs(); ++o) {
    const strata::TensorView t = interpreter.output(o);
    crc = crc32_update(crc, static_cast<const uint8_t*>(t.data), t.bytes);
  }
  return crc;
}

void run_bench(const CommandLine& line) {
  unsigned long runs = 0;
  if (line.arg_count != 1 || !parse_uint(line.args[0], kMaxBenchRuns, &runs) || runs == 0) {
    printf("error: usage: bench <N> with N in 1..%lu\r\n", kMaxBenchRuns);
    return;
  }
  if (!ensure_prepared()) return;
  RunStats populate_stats, invoke_stats, respond_stats;
  uint32_t first_crc = 0;
  unsigned long same = 0;
  const char* response = "";
  for (unsigned long i = 0; i < runs; ++i) {
    bsp::watchdog::kick();  // a long bench is not a hang (outside the timed part)
    g_session.interpreter().ResetVariables();  // every run from reset state, like `2` (untimed)
    const uint64_t t0 = bsp::cycle_counter::now();
    if (!populate(0)) return;
    const uint64_t t1 = bsp::cycle_counter::now();
    const strata::Status status = g_session.Invoke(nullptr);
    const uint64_t t2 = bsp::cycle_counter::now();
    if (!status.ok()) {
      printf("error: invoke failed: %s\r\n", status.message());
      return;
    }
    response = report::format_response(g_session, 0);
    const uint64_t t3 = bsp::cycle_counter::now();
    populate_stats.add(t1 - t0);
    invoke_stats.add(t2 - t1);
    respond_stats.add(t3 - t2);
    const uint32_t crc = outputs_crc();
    if (i == 0) first_crc = crc;
    same += crc == first_crc;
  }
  report::bench(g_session, populate_stats, invoke_stats, respond_stats);
  report::bench_outputs(runs, same, first_crc, response);
}

const Command kCommands[] = {
    {"1", "1", "model view: ops, shapes, types, MACs, arena", run_model_view},
    {"2", "2 [n]", "inference on a sample with the per-layer table", run_inference},
    {"run", "run <n>", "inference on sample n: outputs and top class", run_sample},
    {"bench", "bench <N>", "populate/invoke/respond min/avg/max over N runs", run_bench},
};

}  // namespace

const char* model_name() { return model::kInfo.name; }
const char* kernels_name() { return firmware_variant::kKernels; }

void add_model_commands(Shell& shell) {
  shell.add(kCommands, sizeof(kCommands) / sizeof(kCommands[0]));
}

}  // namespace app
