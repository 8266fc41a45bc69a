// The board contract (bsp/include/bsp) on the host, for running the app's own code — shell,
// system and model commands, host link — in host tests, the bad-input runner and the fuzzers.
// A stand-in board named "host": its console output is captured, nothing is ever read from it,
// it cannot exit, has no watchdog, memory regions or board commands, and its counter counts calls.
#pragma once

#include <string>

namespace host_board {

// Everything the app wrote to the console (shell text and link frames alike) since the last clear.
std::string& console();

}  // namespace host_board
