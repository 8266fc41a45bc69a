// What the host app tests read from the console: the app's shell fed a line of commands, and the
// machine-readable records (`@kind key=value ...`) of its output.
#pragma once

#include <string>
#include <vector>

#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "host_board.hpp"
#include "shell/shell.hpp"

namespace shell_capture {

// The console text of a fresh shell with the system and model commands, fed `commands`.
inline std::string run_commands(const std::string& commands) {
  app::Shell shell;
  app::add_system_commands(shell);
  app::add_model_commands(shell);
  host_board::console().clear();
  for (char c : commands) shell.feed(c);
  return host_board::console();
}

// The records of one kind ("@output", "@layer") in the console text, in order.
inline std::vector<std::string> records(const std::string& text, const std::string& kind) {
  std::vector<std::string> found;
  for (size_t at = text.find(kind + " "); at != std::string::npos;
       at = text.find(kind + " ", at + 1)) {
    found.push_back(text.substr(at, text.find('\r', at) - at));
  }
  return found;
}

}  // namespace shell_capture
