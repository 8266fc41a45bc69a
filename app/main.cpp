// Strata firmware entry: board up, banner, then the console shell forever (or until `exit`).
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "cortex_m/stack.hpp"
#include "shell/shell.hpp"

int main() {
  cortex_m::stack::paint();
  bsp::board_init();
  app::print_banner(app::kernels_name(), app::model_name());

  static app::Shell shell;
  app::add_system_commands(shell);
  app::add_model_commands(shell);
  shell.print_prompt();
  for (;;) {
    const int byte = bsp::console::read_byte();
    if (byte >= 0) shell.feed(static_cast<char>(byte));
  }
}
