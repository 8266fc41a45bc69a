// The board functions the firmware's host link code calls (app/commands/model_link.cpp), on the
// host: a named stand-in board whose console output is captured for the link rows, and a counter
// that counts calls (the link's timeout path is not under test here).
#include <string>

#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"

namespace bad_input {
std::string g_link_output;  // bytes the link wrote to the console (link_case.cpp reads them)
}  // namespace bad_input

namespace bsp {

const char* board_name() { return "host"; }
ClockInfo clock_info() { return ClockInfo{1000000, "host", ""}; }

namespace console {
void write(const char* data, std::size_t length) { bad_input::g_link_output.append(data, length); }
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

}  // namespace bsp
