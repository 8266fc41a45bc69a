// The watchdog contract (bsp/watchdog.hpp) of boards without a watchdog, e.g. the QEMU boards: weak
// definitions that a board with a watchdog replaces by defining the same functions.
#include "bsp/watchdog.hpp"

namespace bsp::watchdog {

__attribute__((weak)) bool enabled() { return false; }
__attribute__((weak)) uint32_t timeout_ms() { return 0; }
__attribute__((weak)) void kick() {}
__attribute__((weak)) bool last_reset_was_watchdog() { return false; }
__attribute__((weak)) const char* peripheral() { return "none"; }
__attribute__((weak)) const char* note() { return ""; }

}  // namespace bsp::watchdog
