// The i.MX RT1062 RTWDOG (WDOG3) as the board's watchdog: clocked by the 32.768 kHz LPO clock
// (CS.CLK = 1), optional /256 prescaler, 16-bit TOVAL; the chip resets when the up-counter reaches
// TOVAL, and the refresh word 0xB480A602 written to CNT restarts it. Also its reset flag in
// SRC_SRSR.
//
// Why the RTWDOG and not WDOG1: WDOG1's timeout field counts 0.5 s steps (0.5..128 s), while the
// RTWDOG gives about 1 ms steps up to 2 s and 7.8 ms steps up to 512 s, so STRATA_WATCHDOG_MS
// means nearly the same on this board as on the STM32 IWDG; its refresh is a single 32-bit write;
// and it keeps counting from the 32 kHz clock when the bus clock is wrong (backup reset).
//
// Reconfiguring it is timed: after the unlock word the new CS/TOVAL/WIN must be written within the
// 128 bus clock configuration window (MCUXpresso rtwdog example: "configuration time period (128
// bus clocks)"), so start() runs that part from ITCM with interrupts masked and nothing else in it.
#pragma once

#include <cstdint>

#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::rtwdog {

struct Plan {
  bool valid;         // false: 0 ms, or longer than 65535 x 256 LPO periods
  bool prescale_256;  // CS.PRES
  uint32_t toval;     // 1..65535
};

// The smallest prescaler whose TOVAL fits, rounding the period count up (never shorter than asked).
constexpr Plan plan(uint32_t timeout_ms) {
  if (timeout_ms == 0) return {false, false, 0};
  const uint64_t periods = static_cast<uint64_t>(timeout_ms) * reg::kLpoHz;
  const uint64_t direct = (periods + 999) / 1000;
  if (direct <= 0xFFFF) return {true, false, static_cast<uint32_t>(direct)};
  const uint64_t divided = (periods + 256 * 1000 - 1) / (256 * 1000);
  if (divided <= 0xFFFF) return {true, true, static_cast<uint32_t>(divided)};
  return {false, false, 0};
}

// The longest timeout: 65535 x 256 / 32768 Hz = 511.992 s.
inline constexpr uint32_t kMaxTimeoutMs = 511992;

// CS for `timeout`: enabled, LPO clock, 32-bit commands, may be reconfigured (UPDATE), stopped
// while a debugger halts the core (DBG = 0) and in the chip's wait/stop modes, no interrupt, no
// window, test mode off.
constexpr uint32_t control_value(const Plan& timeout) {
  return reg::kRtwdogCsEn | reg::kRtwdogCsUpdate | reg::kRtwdogCsCmd32en |
         (reg::kRtwdogClkLpo << reg::kRtwdogCsClkShift) |
         (timeout.prescale_256 ? reg::kRtwdogCsPres : 0u);
}

// Polls of CS.ULK: few, because every poll spends bus clocks of the configuration window.
inline constexpr uint32_t kUnlockPolls = 16;
// Polls of CS.RCS: the new configuration takes effect when the 128 bus clock window has closed.
inline constexpr uint32_t kReconfigurePolls = 10000;

enum class StartResult { kStarted, kUnlockRefused, kNotReconfigured };

// Clocks the RTWDOG, unlocks it (one 32-bit word, or two 16-bit ones when CS.CMD32EN is off), waits
// for ULK, writes TOVAL, WIN = 0 and CS, then waits for RCS. When the unlock is refused (e.g. a
// previous configuration cleared CS.UPDATE) nothing is written and the watchdog stays as it was.
StartResult start(const Plan& timeout);

// Writes the refresh word (CS.CMD32EN is set by start()).
void kick();

// Whether the last reset was a watchdog time-out (RTWDOG, or WDOG1/2); clears those SRSR flags.
bool take_reset_flag();

const char* result_text(StartResult result);

}  // namespace bsp::imxrt1062::rtwdog
