// Stateful-model firmware test: a model whose variables carry from one Invoke to the next.
//
// tests/firmware/stateful/stateful_fw.py packs a case (model and inputs, the format of
// tools/conformance_fw.py) into `strata_case.bin`; this firmware reads it over semihosting,
// prepares the model with the kernels backend it is linked with, then on the same inputs:
//   1. Invokes and writes every output to `invoke1_output<k>.bin`;
//   2. Invokes again and writes `invoke2_output<k>.bin`: at least one output must differ from the
//      first Invoke's (the state was carried), else the test fails here;
//   3. ResetVariables, Invokes once more: every output must equal the first Invoke's bit for bit.
// It prints one `@stateful` line with the arena figures and the instructions of each Invoke. The
// host script then checks both Invokes against the host build's outputs (strata-run --invokes).
#include <cstdint>
#include <cstring>

#include "bsp/cycle_counter.hpp"
#include "bsp/memory.hpp"
#include "case_file.hpp"
#include "conformance/backend.hpp"
#include "cortex_m/semihosting.hpp"
#include "strata/format.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "test_console.hpp"

namespace {

namespace semihosting = cortex_m::semihosting;

constexpr uint32_t kMagic = 0x31464353;  // "SCF1"
constexpr uint32_t kMaxInputs = 8;
constexpr uint32_t kMaxOutputs = 8;
constexpr size_t kBlobBytes = 1u << 20;
constexpr size_t kArenaBytes = 256u << 10;
constexpr size_t kFirstOutputsBytes = 64u << 10;

BSP_LARGE_DATA alignas(16) uint8_t g_blob[kBlobBytes];
BSP_ARENA uint8_t g_arena[kArenaBytes];
// The first Invoke's outputs, kept to compare the second and the one after ResetVariables with.
uint8_t g_first[kFirstOutputsBytes];

void print_line(const char* fmt, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
  char text[192];
  strata::Format(text, sizeof(text), fmt, static_cast<unsigned long long>(a),
                 static_cast<unsigned long long>(b), static_cast<unsigned long long>(c),
                 static_cast<unsigned long long>(d));
  test_console::print(text);
}

[[noreturn]] void fail(const char* what) {
  test_console::print(what);
  test_console::print("\r\n");
  test_console::done(false);
}

[[noreturn]] void fail(const char* what, const strata::Status& status) {
  test_console::print(what);
  fail(status.message());
}

uint32_t word(size_t offset) { return case_file::word(g_blob, offset); }

size_t read_case() { return case_file::read(g_blob, kBlobBytes); }

void write_outputs(const strata::Interpreter& interpreter, const char* prefix) {
  for (uint32_t k = 0; k < interpreter.num_outputs(); ++k) {
    const strata::TensorView view = interpreter.output(k);
    char name[40];
    strata::Format(name, sizeof(name), "%s_output%u.bin", prefix, static_cast<unsigned>(k));
    const int handle = semihosting::open(name, true);
    if (handle < 0) fail("cannot open an output file");
    const size_t written = semihosting::write(handle, view.data, view.bytes);
    semihosting::close(handle);
    if (written != view.bytes) fail("cannot write an output file");
  }
}

// True when every output equals the first Invoke's, bit for bit.
bool same_as_first(const strata::Interpreter& interpreter) {
  size_t offset = 0;
  for (uint32_t k = 0; k < interpreter.num_outputs(); ++k) {
    const strata::TensorView view = interpreter.output(k);
    if (std::memcmp(g_first + offset, view.data, view.bytes) != 0) return false;
    offset += view.bytes;
  }
  return true;
}

uint64_t timed_invoke(strata::Interpreter& interpreter) {
  const uint64_t begin = bsp::cycle_counter::now();
  const strata::Status status = interpreter.Invoke();
  const uint64_t instructions = bsp::cycle_counter::now() - begin;
  if (!status.ok()) fail("invoke: ", status);
  return instructions;
}

}  // namespace

int main() {
  test_console::start("stateful");
  const size_t size = read_case();
  if (size < 16 || word(0) != kMagic)
    fail("cannot read strata_case.bin (missing or not a case file)");
  strata::Model model;
  strata::Status status = strata::Model::Load(g_blob + word(4), word(8), &model);
  if (!status.ok()) fail("model: ", status);
  static strata::Interpreter interpreter(model, conformance_backend(), g_arena, sizeof(g_arena));
  status = interpreter.Prepare();
  if (!status.ok()) fail("prepare: ", status);
  const uint32_t inputs = word(12);
  if (inputs != interpreter.num_inputs() || inputs > kMaxInputs) {
    fail("case inputs do not match the model");
  }
  if (interpreter.num_outputs() > kMaxOutputs) fail("model has too many outputs for this test");
  for (uint32_t i = 0; i < inputs; ++i) {
    const strata::TensorView view = interpreter.input(i);
    if (word(20 + 8 * i) != view.bytes) fail("a case input does not match the tensor's size");
    std::memcpy(view.data, g_blob + word(16 + 8 * i), view.bytes);
  }
  const uint64_t first = timed_invoke(interpreter);
  size_t offset = 0;
  for (uint32_t k = 0; k < interpreter.num_outputs(); ++k) {
    const strata::TensorView view = interpreter.output(k);
    if (offset + view.bytes > sizeof(g_first)) fail("outputs too large for this test");
    std::memcpy(g_first + offset, view.data, view.bytes);
    offset += view.bytes;
  }
  write_outputs(interpreter, "invoke1");
  const uint64_t second = timed_invoke(interpreter);
  write_outputs(interpreter, "invoke2");
  if (same_as_first(interpreter)) {
    fail("the second Invoke gave the first one's outputs: no state carried");
  }
  interpreter.ResetVariables();
  timed_invoke(interpreter);
  if (!same_as_first(interpreter)) {
    fail("after ResetVariables the Invoke differs from the first one");
  }
  const strata::ArenaUsage& usage = interpreter.arena_usage();
  print_line("@stateful invoke_instructions=%llu second_invoke_instructions=%llu ", first, second);
  print_line("arena_bytes=%llu persistent_bytes=%llu outputs=%llu\r\n", usage.total_bytes,
             usage.persistent_bytes, interpreter.num_outputs());
  test_console::done(true);
}
