// The host board (see host_board.hpp).
#include "host_board.hpp"

#include <cstdlib>

#include "bsp/board.hpp"
#include "bsp/board_commands.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "bsp/stack.hpp"
#include "bsp/watchdog.hpp"

namespace host_board {

std::string& console() {
  static std::string output;
  return output;
}

}  // namespace host_board

namespace bsp {

void board_init() {}
const char* board_name() { return "host"; }
ClockInfo clock_info() { return ClockInfo{1000000, "host", ""}; }
std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = nullptr;
  return 0;
}
bool board_can_exit() { return false; }
void board_exit(int) { std::abort(); }  // never called: board_can_exit() is false
std::size_t board_commands(const BoardCommand** commands) {
  *commands = nullptr;
  return 0;
}

namespace console {
void write(const char* data, std::size_t length) { host_board::console().append(data, length); }
int read_byte() { return -1; }
}  // namespace console

namespace cycle_counter {
void start() {}
uint64_t now() {
  static uint64_t count = 0;
  return ++count;
}
const char* unit() { return "instructions"; }
bool counts_cycles() { return false; }
}  // namespace cycle_counter

namespace watchdog {
bool enabled() { return false; }
uint32_t timeout_ms() { return 0; }
void kick() {}
bool last_reset_was_watchdog() { return false; }
const char* peripheral() { return ""; }
const char* note() { return ""; }
}  // namespace watchdog

namespace stack {
void paint() {}
uint32_t size_bytes() { return 0; }
uint32_t high_water_bytes() { return 0; }
}  // namespace stack

}  // namespace bsp
