// The console shell: reads lines from the board console and runs commands from a table.
//
// Unknown commands, bad arguments and over-long lines get a one-line error and the shell carries on
// with its state intact. Commands are registered by the parts of the app that own them (system
// commands, model commands), so the shell itself knows nothing about models or boards.
#pragma once

#include <cstddef>

#include "shell/command_line.hpp"
#include "shell/line_reader.hpp"

namespace app {

struct Command {
  const char* name;
  const char* usage;  // e.g. "bench <N>"
  const char* help;   // one line
  void (*run)(const CommandLine& line);
};

class Shell {
 public:
  static constexpr std::size_t kMaxCommands = 24;

  // Adds commands; false (and nothing added) when the table would overflow.
  bool add(const Command* commands, std::size_t count);

  // Feeds one console byte; runs a command when a line completes.
  void feed(char byte);
  // True when the next byte would start a new line (see LinkPort).
  bool at_line_start() const { return reader_.at_line_start(); }
  // Runs one line as if typed (used for scripted start-up commands and by tests).
  void run_line(char* line);

  void print_help() const;
  void print_prompt() const;

 private:
  const Command* find(const char* name) const;

  const Command* commands_[kMaxCommands] = {};
  std::size_t count_ = 0;
  LineReader reader_;
  char line_copy_[LineReader::kMaxLine + 1] = {};
};

}  // namespace app
