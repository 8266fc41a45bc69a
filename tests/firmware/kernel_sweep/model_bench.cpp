// Model runner for instruction counts: the conformance case protocol (tools/conformance_fw.py packs
// a case into strata_case.bin; this firmware reads it over semihosting and writes output<k>.bin)
// with the kernels backend chosen at build time (STRATA_BENCH_OPTIMIZED), printing the instructions
// of one Invoke twice (the count must repeat exactly) and, from a third profiled Invoke, one
// `@op <index> <name> <instructions>` line per operator.
#include <cstdint>
#include <cstring>

#include "bsp/cycle_counter.hpp"
#include "bsp/memory.hpp"
#include "case_file.hpp"
#include "cortex_m/semihosting.hpp"
#include "strata/format.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "strata/profiler.hpp"
#include "test_console.hpp"
#if defined(STRATA_BENCH_OPTIMIZED)
#include "optimized/registry.hpp"
namespace backend = strata::kernels::optimized;
constexpr const char* kBackend = "optimized";
#else
#include "reference/registry.hpp"
namespace backend = strata::kernels::reference;
constexpr const char* kBackend = "reference";
#endif

namespace {

namespace semihosting = cortex_m::semihosting;

constexpr uint32_t kMagic = 0x31464353;  // "SCF1"
constexpr size_t kBlobBytes = 2u << 20;
constexpr size_t kArenaBytes = 1536u << 10;

// Ordinary RAM, big enough for every conformance model (ad01 fp32 is the largest, about 1 MB).
alignas(16) uint8_t g_blob[kBlobBytes];
BSP_ARENA uint8_t g_arena[kArenaBytes];

// Prints up to 191 characters formatted by strata::Format.
#define BENCH_PRINT(...)                               \
  do {                                                 \
    char text_[192];                                   \
    strata::Format(text_, sizeof(text_), __VA_ARGS__); \
    test_console::print(text_);                        \
  } while (0)

[[noreturn]] void fail(const char* what, const strata::Status& status) {
  test_console::print(what);
  test_console::print(status.message());
  test_console::print("\r\n");
  test_console::done(false);
}

uint32_t word(size_t offset) { return case_file::word(g_blob, offset); }

size_t read_case() { return case_file::read(g_blob, kBlobBytes); }

void write_outputs(const strata::Interpreter& interpreter) {
  for (uint32_t k = 0; k < interpreter.num_outputs(); ++k) {
    const strata::TensorView view = interpreter.output(k);
    char name[24];
    strata::Format(name, sizeof(name), "output%u.bin", static_cast<unsigned>(k));
    const int handle = semihosting::open(name, true);
    const bool ok = handle >= 0 && semihosting::write(handle, view.data, view.bytes) == view.bytes;
    if (handle >= 0) semihosting::close(handle);
    if (!ok) fail("output: ", strata::Status::Ok());
  }
}

class OpPrinter : public strata::Profiler {
 public:
  OpPrinter() : strata::Profiler({bsp::cycle_counter::now, bsp::cycle_counter::unit()}) {}
  void BeginOp(uint32_t, const char*) override {}
  void EndOp(uint32_t index, const char* name, uint64_t elapsed) override {
    BENCH_PRINT("@op %u %s %llu\r\n", static_cast<unsigned>(index), name,
                static_cast<unsigned long long>(elapsed));
  }
};

void copy_inputs(const strata::Interpreter& interpreter) {
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    const strata::TensorView view = interpreter.input(i);
    std::memcpy(view.data, g_blob + word(16 + 8 * i), view.bytes);
  }
}

uint64_t timed_invoke(strata::Interpreter* interpreter) {
  const uint64_t begin = bsp::cycle_counter::now();
  const strata::Status status = interpreter->Invoke();
  const uint64_t elapsed = bsp::cycle_counter::now() - begin;
  if (!status.ok()) fail("invoke: ", status);
  return elapsed;
}

}  // namespace

int main() {
  test_console::start("model_bench");
  if (read_case() < 16 || word(0) != kMagic) {
    test_console::print("cannot read strata_case.bin\r\n");
    test_console::done(false);
  }
  strata::Model model;
  strata::Status status = strata::Model::Load(g_blob + word(4), word(8), &model);
  if (!status.ok()) fail("model: ", status);
  static strata::Interpreter interpreter(model, backend::registry(), g_arena, sizeof(g_arena));
  status = interpreter.Prepare();
  if (!status.ok()) fail("prepare: ", status);
  if (word(12) != interpreter.num_inputs()) fail("inputs: ", strata::Status::Ok());
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    if (word(20 + 8 * i) != interpreter.input(i).bytes) fail("input size: ", strata::Status::Ok());
  }
  copy_inputs(interpreter);
  const uint64_t first = timed_invoke(&interpreter);
  write_outputs(interpreter);
  // In-place operators may have overwritten the inputs: restore them for every further Invoke.
  copy_inputs(interpreter);
  const uint64_t second = timed_invoke(&interpreter);
  const strata::ArenaUsage& usage = interpreter.arena_usage();
  BENCH_PRINT(
      "@conformance invoke_instructions=%llu arena_bytes=%llu lower_bound=%llu "
      "repeat_instructions=%llu kernels=%s\r\n",
      static_cast<unsigned long long>(first), static_cast<unsigned long long>(usage.total_bytes),
      static_cast<unsigned long long>(usage.lower_bound), static_cast<unsigned long long>(second),
      kBackend);
  OpPrinter printer;
  interpreter.set_profiler(&printer);
  copy_inputs(interpreter);
  timed_invoke(&interpreter);
  test_console::done(true);
}
