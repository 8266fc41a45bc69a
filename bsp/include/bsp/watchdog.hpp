// The board's watchdog: a hardware reset when the firmware stops calling kick().
//
// Off unless the tree is configured with -DSTRATA_WATCHDOG_MS=<n> (n > 0): board_init() then starts
// the chip's watchdog (IWDG on the STM32F4/F7 boards, RTWDOG on the i.MX RT1062) with a timeout of
// n ms, and the app must call kick() more often than that, including inside long commands. Boards
// without a watchdog (the QEMU boards), and every board while the option is 0, report enabled() ==
// false and kick() does nothing; the configure refuses a timeout the board cannot do.
//
// The timeout is nominal: the STM32 IWDG runs from the LSI RC oscillator (32 kHz typical, 17..47
// kHz over parts and temperature), so the real time can be as short as 0.68 x the configured one.
// The RT1062's RTWDOG runs from the 32.768 kHz crystal and is as accurate as that.
#pragma once

#include <cstdint>

namespace bsp::watchdog {

// True when board_init() started the watchdog (false: option off, no watchdog, or start failed).
bool enabled();

// The timeout the watchdog runs with, in ms; 0 when it is not enabled.
uint32_t timeout_ms();

// Restarts the watchdog's count. Cheap (one register write, or nothing when not enabled).
void kick();

// True when the reset before this boot was a watchdog timeout (read once by board_init() from the
// chip's reset flags, which it then clears). False when the board cannot tell.
bool last_reset_was_watchdog();

// The watchdog block, e.g. "IWDG" or "RTWDOG"; "none" on boards without one.
const char* peripheral();

// "" when as configured; otherwise why the watchdog is not running, e.g. "LSI did not start".
const char* note();

}  // namespace bsp::watchdog
