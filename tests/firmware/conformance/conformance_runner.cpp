// Conformance runner firmware: runs one conformance case on the virtual board.
//
// tools/conformance_fw.py packs the case (model and inputs) into `strata_case.bin` in QEMU's
// working directory; this firmware reads it over semihosting, prepares and invokes the model with
// the kernels backend it is linked with (backend_<name>.cpp), writes each output to `output<k>.bin`
// and prints one `@conformance` line with the arena figures and the instructions of one Invoke. The
// host script compares the outputs with the expected ones.
// The model is prepared twice, as the two kinds of user would: first planning itself (a model
// loaded at run time: search_prepare_instructions, arena_bytes_planning_itself), then, in a second
// interpreter, with that plan as a firmware carries it from the build (prepare_instructions,
// arena_bytes). The case runs on the second.
#include <cstdint>
#include <cstring>

#include "backend.hpp"
#include "bsp/board.hpp"
#include "bsp/cycle_counter.hpp"
#include "bsp/memory.hpp"
#include "case_file.hpp"
#include "cortex_m/semihosting.hpp"
#include "strata/format.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "test_console.hpp"

namespace {

namespace semihosting = cortex_m::semihosting;

constexpr uint32_t kMagic = 0x31464353;  // "SCF1"
constexpr uint32_t kMaxInputs = 8;
constexpr size_t kBlobBytes = 4u << 20;
constexpr size_t kArenaBytes = 2u << 20;
constexpr uint32_t kMaxTensors = 4096;
constexpr uint32_t kMaxOps = 2048;

BSP_LARGE_DATA alignas(16) uint8_t g_blob[kBlobBytes];
BSP_ARENA uint8_t g_arena[kArenaBytes];
uint32_t g_tensor_offsets[kMaxTensors];
uint32_t g_scratch_offsets[kMaxOps];

void print_line(const char* fmt, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
  char text[192];
  strata::Format(text, sizeof(text), fmt, static_cast<unsigned long long>(a),
                 static_cast<unsigned long long>(b), static_cast<unsigned long long>(c),
                 static_cast<unsigned long long>(d));
  test_console::print(text);
}

[[noreturn]] void fail(const char* what, const strata::Status& status) {
  test_console::print(what);
  test_console::print(status.message());
  test_console::print("\r\n");
  test_console::done(false);
}

uint32_t word(size_t offset) { return case_file::word(g_blob, offset); }

size_t read_case() { return case_file::read(g_blob, kBlobBytes); }

bool write_output(uint32_t k, const strata::TensorView& view) {
  char name[24];
  strata::Format(name, sizeof(name), "output%u.bin", static_cast<unsigned>(k));
  const int handle = semihosting::open(name, true);
  if (handle < 0) return false;
  const size_t written = semihosting::write(handle, view.data, view.bytes);
  semihosting::close(handle);
  return written == view.bytes;
}

}  // namespace

int main() {
  test_console::start("conformance");
  const size_t size = read_case();
  if (size < 16 || word(0) != kMagic) {
    test_console::print("cannot read strata_case.bin (missing or not a case file)\r\n");
    test_console::done(false);
  }
  strata::Model model;
  strata::Status status = strata::Model::Load(g_blob + word(4), word(8), &model);
  if (!status.ok()) fail("model: ", status);
  if (model.num_tensors() > kMaxTensors || model.num_operators() > kMaxOps) {
    test_console::print("model too large for this runner's plan tables\r\n");
    test_console::done(false);
  }
  static strata::Interpreter searched(model, conformance_backend(), g_arena, sizeof(g_arena));
  uint64_t begin = bsp::cycle_counter::now();
  status = searched.Prepare();
  const uint64_t search_prepare = bsp::cycle_counter::now() - begin;
  if (!status.ok()) fail("prepare: ", status);
  const uint32_t planning_itself = searched.arena_usage().total_bytes;
  const strata::BuildTimePlan plan = searched.ExportPlan(g_tensor_offsets, g_scratch_offsets);
  static strata::Interpreter interpreter(model, conformance_backend(), g_arena, sizeof(g_arena));
  begin = bsp::cycle_counter::now();
  status = interpreter.Prepare(plan);
  const uint64_t prepare = bsp::cycle_counter::now() - begin;
  if (!status.ok()) fail("prepare with the plan: ", status);
  const uint32_t inputs = word(12);
  if (inputs != interpreter.num_inputs() || inputs > kMaxInputs) {
    test_console::print("case inputs do not match the model\r\n");
    test_console::done(false);
  }
  for (uint32_t i = 0; i < inputs; ++i) {
    const strata::TensorView view = interpreter.input(i);
    if (word(20 + 8 * i) != view.bytes) {
      print_line("input %llu: case has %llu bytes, tensor needs %llu\r\n", i, word(20 + 8 * i),
                 view.bytes);
      test_console::done(false);
    }
    std::memcpy(view.data, g_blob + word(16 + 8 * i), view.bytes);
  }
  begin = bsp::cycle_counter::now();
  status = interpreter.Invoke();
  const uint64_t invoke = bsp::cycle_counter::now() - begin;
  if (!status.ok()) fail("invoke: ", status);
  for (uint32_t k = 0; k < interpreter.num_outputs(); ++k) {
    if (!write_output(k, interpreter.output(k))) {
      test_console::print("cannot write an output file\r\n");
      test_console::done(false);
    }
  }
  const strata::ArenaUsage& usage = interpreter.arena_usage();
  print_line(
      "@conformance invoke_instructions=%llu prepare_instructions=%llu "
      "search_prepare_instructions=%llu ",
      invoke, prepare, search_prepare);
  print_line("arena_bytes=%llu arena_bytes_planning_itself=%llu lower_bound=%llu outputs=%llu\r\n",
             usage.total_bytes, planning_itself, usage.lower_bound, interpreter.num_outputs());
  test_console::done(true);
}
