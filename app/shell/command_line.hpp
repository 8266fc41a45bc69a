// Splits a shell line into a command name and arguments, in place.
//
// Accepts both spellings the field uses: `2` and `CMD=2` (the STM32F746 post's form) name the same
// command. Words are separated by spaces or tabs; at most kMaxArgs words are kept and the rest is
// reported as too many arguments rather than silently dropped.
#pragma once

#include <cstddef>

namespace app {

struct CommandLine {
  static constexpr std::size_t kMaxArgs = 8;
  const char* name = "";            // empty for a blank line
  const char* args[kMaxArgs] = {};  // arguments after the name
  std::size_t arg_count = 0;
  bool too_many_args = false;
};

// Parses `line` (modified: NULs are written between words).
CommandLine parse_command_line(char* line);

// Parses a decimal unsigned integer argument; false when `text` is not one or does not fit.
bool parse_uint(const char* text, unsigned long max, unsigned long* value);

}  // namespace app
