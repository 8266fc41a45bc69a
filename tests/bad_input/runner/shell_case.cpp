// RunShellCase (see cases.hpp): the bytes typed at the app's shell with the commands of a model
// firmware (system and model commands, mnist-int8), its console captured (host_board.hpp).
#include <string>

#include "cases.hpp"
#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "host_board.hpp"
#include "shell/shell.hpp"

namespace bad_input {

Outcome RunShellCase(const Case&, const std::vector<uint8_t>& bytes) {
  app::Shell shell;
  app::add_system_commands(shell);
  app::add_model_commands(shell);
  std::string& console = host_board::console();
  console.clear();
  for (uint8_t b : bytes) shell.feed(static_cast<char>(b));
  Outcome o;
  o.text = console;
  o.status = console.find("error: ") != std::string::npos ? "error" : "ok";
  console.clear();
  for (char b : std::string("info\n")) shell.feed(b);
  if (console.find("@info board=host") == std::string::npos) {
    o.problem = "the shell did not answer 'info' after the input (it printed '" + console + "')";
  }
  return o;
}

}  // namespace bad_input
