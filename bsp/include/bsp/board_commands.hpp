// Shell commands a board adds for its own hardware (e.g. `sdram` on the STM32F746G-DISCO).
//
// The bsp cannot include the app, so a board lists plain command records here and the app's shell
// registers them next to its own. A board without extra commands provides nothing: the weak default
// in bsp/cortex_m returns an empty table.
#pragma once

#include <cstddef>

namespace bsp {

struct BoardCommand {
  const char* name;
  const char* usage;
  const char* help;
  // argv holds the words after the name; output goes to bsp::console.
  void (*run)(std::size_t argc, const char* const* argv);
};

// Returns the count and points `commands` at the board's static table.
std::size_t board_commands(const BoardCommand** commands);

}  // namespace bsp
