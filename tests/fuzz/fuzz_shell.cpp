// libFuzzer target: arbitrary console bytes through the shell's line assembly and command parsing.
// Checks the invariants the firmware relies on: a line never exceeds the buffer, is NUL-terminated,
// and parsing never produces more arguments than the table holds.
#include <cstdint>
#include <cstring>

#include "shell/command_line.hpp"
#include "shell/line_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  app::LineReader reader;
  char copy[app::LineReader::kMaxLine + 1];
  for (size_t i = 0; i < size; ++i) {
    if (reader.feed(static_cast<char>(data[i])) != app::LineReader::Event::kLine) continue;
    const size_t length = std::strlen(reader.line());
    if (length != reader.length() || length > app::LineReader::kMaxLine) __builtin_trap();
    std::memcpy(copy, reader.line(), length + 1);
    const app::CommandLine parsed = app::parse_command_line(copy);
    if (parsed.arg_count > app::CommandLine::kMaxArgs) __builtin_trap();
    unsigned long value;
    for (size_t a = 0; a < parsed.arg_count; ++a) app::parse_uint(parsed.args[a], 1000000, &value);
  }
  return 0;
}
