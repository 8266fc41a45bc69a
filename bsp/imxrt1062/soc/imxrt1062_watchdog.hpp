// The i.MX RT1062 boards' side of the watchdog contract (bsp/watchdog.hpp): board_init() calls
// start_watchdog() last, which records the reset cause and, when the tree sets STRATA_WATCHDOG_MS,
// starts the RTWDOG with that timeout (soc/rtwdog.hpp). With the option at 0 it never touches the
// RTWDOG.
#pragma once

namespace bsp::imxrt1062 {

void start_watchdog();

}  // namespace bsp::imxrt1062
