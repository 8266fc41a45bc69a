// The STM32 independent watchdog (IWDG), the same block at the same address on the STM32F4 and the
// STM32F7 (RM0090 section 21, RM0385 section 26): a 12-bit down-counter clocked by the LSI RC
// through a /4../256 prescaler, started by key 0xCCCC and reloaded by key 0xAAAA; once started only
// a reset stops it. Also the IWDG reset flag of RCC_CSR (same register and bits on both).
//
// Timeout = 4 * 2^PR * (RLR + 1) / f_LSI (RM0090 table 107: RLR 0 is one tick, 0x000..0xFFF at /4
// is 0.125..512 ms at 32 kHz). plan() takes the smallest prescaler whose reload fits, rounding the
// tick count up, so the nominal timeout is never shorter than asked.
#pragma once

#include <cstdint>

#include "stm32_registers.hpp"

namespace bsp::stm32::iwdg {

// Registers (RM0090 21.4, RM0385 26.4; the F7's extra WINR stays at its reset value: no window).
inline constexpr uintptr_t kBase = 0x40003000;
inline constexpr uintptr_t kKr = kBase + 0x00;
inline constexpr uintptr_t kPr = kBase + 0x04;
inline constexpr uintptr_t kRlr = kBase + 0x08;
inline constexpr uintptr_t kSr = kBase + 0x0C;
inline constexpr uint32_t kKeyStart = 0xCCCC;
inline constexpr uint32_t kKeyUnlock = 0x5555;  // write access to PR and RLR
inline constexpr uint32_t kKeyReload = 0xAAAA;
inline constexpr uint32_t kSrPvu = 1u << 0;  // prescaler update in progress (LSI domain)
inline constexpr uint32_t kSrRvu = 1u << 1;  // reload update in progress
inline constexpr uint32_t kRlrMax = 0xFFF;
inline constexpr uint32_t kPrMax = 6;  // /256 (7 is also /256)

// RCC_CSR (RCC + 0x74 on F4 and F7): LSI enable/ready, remove-flags, IWDG reset flag.
inline constexpr uintptr_t kRccCsr = reg::kRccBase + 0x74;
inline constexpr uint32_t kCsrLsiOn = 1u << 0;
inline constexpr uint32_t kCsrLsiRdy = 1u << 1;
inline constexpr uint32_t kCsrRmvf = 1u << 24;
inline constexpr uint32_t kCsrIwdgRstf = 1u << 29;

// DBGMCU_APB1_FZ.DBG_IWDG_STOP: the counter stops while a debugger halts the core, so a breakpoint
// does not reset the board (same address and bit on F4 and F7).
inline constexpr uintptr_t kDbgmcuApb1Fz = 0xE0042008;
inline constexpr uint32_t kDbgIwdgStop = 1u << 12;

// Nominal LSI frequency the timeouts are computed for (F4/F7 datasheets: 17..47 kHz, 32 typical).
inline constexpr uint32_t kLsiHz = 32000;

struct Plan {
  bool valid;    // false: 0 ms, or longer than the IWDG can count at kLsiHz
  uint32_t pr;   // prescaler code: divider 4 << pr
  uint32_t rlr;  // reload value: ticks - 1
};

constexpr Plan plan(uint32_t timeout_ms) {
  if (timeout_ms == 0) return {false, 0, 0};
  const uint64_t lsi_cycles = static_cast<uint64_t>(timeout_ms) * kLsiHz / 1000;
  for (uint32_t pr = 0; pr <= kPrMax; ++pr) {
    const uint64_t divider = 4u << pr;
    const uint64_t ticks = (lsi_cycles + divider - 1) / divider;
    if (ticks <= kRlrMax + 1) return {true, pr, static_cast<uint32_t>(ticks - 1)};
  }
  return {false, 0, 0};
}

// The longest timeout: 256 * 4096 ticks at 32 kHz.
inline constexpr uint32_t kMaxTimeoutMs = 32768;

// Poll budgets of the bounded waits. The LSI starts in at most 40 us (datasheets' t_su(LSI)); a
// PR/RLR update takes up to 5 LSI periods (under 0.3 ms at 17 kHz). Each poll is an APB read, so
// these budgets last several milliseconds at any core clock.
struct WaitBudget {
  uint32_t lsi_ready_polls = 200000;
  uint32_t update_polls = 400000;
};

enum class StartResult { kStarted, kLsiNotReady, kUpdateTimeout };

// Starts the IWDG with `timeout` (a valid plan): LSI on and ready, unlock, PR, RLR, wait until
// PVU/RVU clear, then start and reload. Both bounded waits come before the start, so on a timeout
// the watchdog is never started and the result says why.
StartResult start(const Plan& timeout, const WaitBudget& budget = WaitBudget());

// Reloads the counter with RLR.
void kick();

// Whether the last reset was an IWDG timeout; clears RCC_CSR's reset flags (RMVF) so the next boot
// reads only its own cause.
bool take_reset_flag();

const char* result_text(StartResult result);

}  // namespace bsp::stm32::iwdg
