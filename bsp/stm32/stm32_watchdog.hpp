// The STM32F4/F7 boards' side of the watchdog contract (bsp/watchdog.hpp): board_init() calls
// start_watchdog() last, which records the reset cause and, when the tree sets STRATA_WATCHDOG_MS,
// starts the IWDG with that timeout (iwdg.hpp). With the option at 0 it never touches the IWDG.
#pragma once

namespace bsp::stm32 {

void start_watchdog();

}  // namespace bsp::stm32
