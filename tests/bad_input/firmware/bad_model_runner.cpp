// Bad-model runner firmware: the model rows of the bad-input table on a virtual board.
//
// tests/bad_input/run_firmware.py writes the row files and `bad_input.lst` (one `<id> <file>
// <arena>` line per case) into QEMU's working directory. This firmware reads them over semihosting
// and, for each case in turn, runs Model::Load, Interpreter::Prepare (reference kernels, an arena
// of <arena> bytes) and Invoke on zeroed inputs, and prints one line with the first status that is
// not ok:
//   @bad_input id=<id> status="<StatusCodeName>" message="<message>"
// The script compares the lines with the table. All cases run in one boot, and the list ends with
// the good models again, so a bad model that left the runtime in a broken state shows up as a
// failure.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "bsp/memory.hpp"
#include "cortex_m/semihosting.hpp"
#include "reference/registry.hpp"
#include "strata/format.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "test_console.hpp"

namespace {

namespace semihosting = cortex_m::semihosting;

constexpr size_t kListBytes = 8u << 10;
constexpr size_t kModelBytes = 256u << 10;  // the largest base model is about 100 KB
constexpr size_t kArenaBytes = 256u << 10;

char g_list[kListBytes + 1];
BSP_LARGE_DATA alignas(16) uint8_t g_model[kModelBytes];
BSP_ARENA uint8_t g_arena[kArenaBytes];

// Reads a whole host file into `buffer`; the size, or -1 when it is missing or too large.
long read_file(const char* name, void* buffer, size_t capacity) {
  const int handle = semihosting::open(name, false);
  if (handle < 0) return -1;
  const long length = semihosting::length(handle);
  long got = -1;
  if (length >= 0 && static_cast<size_t>(length) <= capacity) {
    got = static_cast<long>(semihosting::read(handle, buffer, static_cast<size_t>(length)));
  }
  semihosting::close(handle);
  return got == length ? length : -1;
}

strata::Status run_case(const char* file, uint32_t arena_bytes) {
  const long size = read_file(file, g_model, sizeof(g_model));
  if (size < 0) return strata::Status::Error(strata::StatusCode::kInternal, "cannot read %s", file);
  strata::Model model;
  STRATA_RETURN_IF_ERROR(strata::Model::Load(g_model, static_cast<size_t>(size), &model));
  if (arena_bytes > sizeof(g_arena)) arena_bytes = sizeof(g_arena);
  strata::Interpreter interpreter(model, strata::kernels::reference::registry(), g_arena,
                                  arena_bytes);
  STRATA_RETURN_IF_ERROR(interpreter.Prepare());
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    const strata::TensorView in = interpreter.input(i);
    std::memset(in.data, 0, in.bytes);
  }
  return interpreter.Invoke();
}

}  // namespace

int main() {
  test_console::start("bad_input");
  const long length = read_file("bad_input.lst", g_list, kListBytes);
  if (length < 0) {
    test_console::print("cannot read bad_input.lst\r\n");
    test_console::done(false);
  }
  g_list[length] = '\0';
  for (char* line = g_list; *line != '\0';) {
    char* end = std::strchr(line, '\n');
    if (end != nullptr) *end = '\0';
    char* file = std::strchr(line, ' ');
    char* arena = file ? std::strchr(file + 1, ' ') : nullptr;
    if (arena != nullptr) {
      *file++ = '\0';
      *arena++ = '\0';
      const strata::Status s =
          run_case(file, static_cast<uint32_t>(std::strtoul(arena, nullptr, 10)));
      char text[128 + strata::Status::kMessageCapacity];  // the whole message, never cut
      strata::Format(text, sizeof(text), "@bad_input id=%s status=\"%s\" message=\"%s\"\r\n", line,
                     strata::StatusCodeName(s.code()), s.message());
      test_console::print(text);
    }
    if (end == nullptr) break;
    line = end + 1;
  }
  test_console::done(true);
}
