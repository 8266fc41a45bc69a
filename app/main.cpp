// Strata firmware entry: board up, banner, then the console forever (or until `exit`): each byte
// goes to the host link when it starts or continues a frame, otherwise to the text shell.
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "bsp/stack.hpp"
#include "bsp/watchdog.hpp"
#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "shell/shell.hpp"

int main() {
  bsp::stack::paint();
  bsp::board_init();
  app::print_banner(app::kernels_name(), app::model_name());

  static app::Shell shell;
  app::add_system_commands(shell);
  app::add_model_commands(shell);
  app::LinkPort& link = app::link_port();
  // A frame whose bytes stop for about a second (in counter units) is dropped.
  const uint64_t frame_timeout = bsp::clock_info().core_hz;
  shell.print_prompt();
  for (;;) {
    bsp::watchdog::kick();  // a no-op unless the tree was built with STRATA_WATCHDOG_MS
    const int byte = bsp::console::read_byte();
    const uint64_t now = bsp::cycle_counter::now();
    if (byte < 0) {
      link.expire(now, frame_timeout);
      continue;
    }
    if (!link.feed(static_cast<uint8_t>(byte), shell.at_line_start(), now)) {
      shell.feed(static_cast<char>(byte));
    }
  }
}
