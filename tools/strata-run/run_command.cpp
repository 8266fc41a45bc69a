// strata-run MODEL: feed inputs, invoke, write outputs, print arena figures and a profile.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include "commands.hpp"
#include "input_pattern.hpp"
#include "op_stats.hpp"
#include "read_file.hpp"
#include "strata/profiler.hpp"

namespace strata_run {
namespace {

uint64_t NowNs() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

// Collects one row per executed operator.
class TableProfiler : public strata::Profiler {
 public:
  struct Row {
    uint32_t op;
    const char* name;
    uint64_t elapsed;
  };
  TableProfiler() : strata::Profiler(strata::CycleCounter{&NowNs, "ns"}) {}
  void BeginOp(uint32_t, const char*) override {}
  void EndOp(uint32_t op, const char* name, uint64_t elapsed) override {
    rows.push_back({op, name, elapsed});
  }
  std::vector<Row> rows;
};

strata::Status LoadInputs(const Options& options, strata::Interpreter& interp) {
  using strata::Status;
  using strata::StatusCode;
  if (!options.inputs.empty() && options.inputs.size() != interp.num_inputs()) {
    return Status::Error(StatusCode::kInvalidArgument, "model has %u inputs, %zu --input given",
                         interp.num_inputs(), options.inputs.size());
  }
  for (uint32_t k = 0; k < interp.num_inputs(); ++k) {
    const strata::TensorView t = interp.input(k);
    if (options.inputs.empty()) {
      FillPattern(t, k);
      continue;
    }
    std::vector<uint8_t> bytes;
    const Status read = ReadFileAtMost(options.inputs[k], t.bytes, &bytes);
    if (!read.ok()) {
      return Status::Error(read.code(), "%s (input %u, %s %s, needs %u bytes)", read.message(), k,
                           strata::DataTypeName(t.type), ShapeString(t).c_str(), t.bytes);
    }
    if (bytes.size() != t.bytes) {
      return Status::Error(StatusCode::kInvalidArgument,
                           "%s holds %zu bytes, input %u (%s %s) needs %u",
                           options.inputs[k].c_str(), bytes.size(), k, strata::DataTypeName(t.type),
                           ShapeString(t).c_str(), t.bytes);
    }
    std::memcpy(t.data, bytes.data(), bytes.size());
  }
  return Status::Ok();
}

void PrintProfile(const TableProfiler& profiler, const strata::Model& model) {
  uint64_t total = 0;
  std::printf("%-4s %-20s %14s %14s\n", "op", "name", "ns", "MACs");
  for (const TableProfiler::Row& r : profiler.rows) {
    std::printf("%-4u %-20s %14s %14s\n", r.op, r.name, WithCommas(r.elapsed).c_str(),
                WithCommas(OpMacs(model, r.op)).c_str());
    total += r.elapsed;
  }
  std::printf("%-25s %14s\n", "total", WithCommas(total).c_str());
}

}  // namespace

int RunCommand(const Options& options, ModelSession& session) {
  strata::Interpreter& interp = session.interpreter();
  strata::Status status = LoadInputs(options, interp);
  if (!status.ok()) return Fail(status);
  TableProfiler profiler;
  for (uint32_t n = 0; n < options.invokes && status.ok(); ++n) {
    if (n + 1 == options.invokes && options.profile) interp.set_profiler(&profiler);
    status = interp.Invoke();
  }
  if (!status.ok()) return Fail(status);
  for (uint32_t k = 0; k < interp.num_outputs(); ++k) {
    const strata::TensorView t = interp.output(k);
    const std::string path = options.output_dir + "/output" + std::to_string(k) + ".bin";
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(t.data), t.bytes);
    if (!out) {
      std::fprintf(stderr, "strata-run: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("output %u: %s %s -> %s\n", k, strata::DataTypeName(t.type), ShapeString(t).c_str(),
                path.c_str());
  }
  const strata::ArenaUsage& u = interp.arena_usage();
  std::printf("arena: %s bytes used (persistent %s + activations %s), lower bound %s\n",
              WithCommas(u.total_bytes).c_str(), WithCommas(u.persistent_bytes).c_str(),
              WithCommas(u.activation_bytes).c_str(), WithCommas(u.lower_bound).c_str());
  if (options.profile) PrintProfile(profiler, session.model());
  return 0;
}

}  // namespace strata_run
