// libFuzzer target: arbitrary console bytes through the whole command path of a model firmware, as
// app/main.cpp feeds them: the link port first, otherwise the shell with the system and model
// commands (sine-int8: `1`, `2`, `run`, `bench`, `info`, `mem`, `exit`, `help`) and the host board
// (tests/host_app). Checked: the shell still answers `info` afterwards; and, on the same bytes, the
// line reader and parser invariants the shell relies on (a line never exceeds its buffer and is
// NUL-terminated, parsing never yields more arguments than the table holds).
#include <cstdint>
#include <cstring>
#include <string>

#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "host_board.hpp"
#include "shell/command_line.hpp"
#include "shell/line_reader.hpp"
#include "shell/shell.hpp"

namespace {

void CheckParser(const uint8_t* data, size_t size) {
  app::LineReader reader;
  char copy[app::LineReader::kMaxLine + 1];
  for (size_t i = 0; i < size; ++i) {
    if (reader.feed(static_cast<char>(data[i])) != app::LineReader::Event::kLine) continue;
    const size_t length = std::strlen(reader.line());
    if (length != reader.length() || length > app::LineReader::kMaxLine) __builtin_trap();
    std::memcpy(copy, reader.line(), length + 1);
    const app::CommandLine parsed = app::parse_command_line(copy);
    if (parsed.arg_count > app::CommandLine::kMaxArgs) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CheckParser(data, size);
  static uint64_t now = 0;
  app::link_port().expire(now += 1000000, 1000);  // no frame left open by the previous run
  app::Shell shell;
  app::add_system_commands(shell);
  app::add_model_commands(shell);
  for (size_t i = 0; i < size; ++i) {
    if (!app::link_port().feed(data[i], shell.at_line_start(), ++now)) {
      shell.feed(static_cast<char>(data[i]));
    }
    host_board::console().clear();  // keeps memory flat; the output is not judged byte by byte
  }
  // Whatever came before (a cut-off frame, an unfinished line), the console recovers: a frame
  // times out, a line ends, and `info` answers.
  app::link_port().expire(now += 1000000, 1000);
  for (char c : std::string("\r\ninfo\r\n")) {
    if (!app::link_port().feed(static_cast<uint8_t>(c), shell.at_line_start(), ++now)) {
      shell.feed(c);
    }
  }
  if (host_board::console().find("@info board=host") == std::string::npos) __builtin_trap();
  host_board::console().clear();
  return 0;
}
