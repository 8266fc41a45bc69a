// Default for boards without their own shell commands: an empty table (boards override by defining
// bsp::board_commands, which replaces this weak definition).
#include "bsp/board_commands.hpp"

namespace bsp {

__attribute__((weak)) std::size_t board_commands(const BoardCommand** commands) {
  *commands = nullptr;
  return 0;
}

}  // namespace bsp
