// What the STM32F4 clock bring-up really achieved: the clocks the chip runs at, which path it took
// and, when it fell back, why. The banner, `info` and the `clocks` command print it, so the
// firmware never claims a clock the chip is not at.
#pragma once

#include <cstdint>

namespace bsp::stm32f4 {

enum class SysclkSource : uint8_t { kHsi, kPllFromHse, kPllFromHsi };

// One bit per bounded wait (or check) that did not succeed.
enum ClockFailure : uint32_t {
  kHseNotReady = 1u << 0,        // RCC_CR.HSERDY never rose: PLL from the HSI instead
  kPllNotReady = 1u << 1,        // RCC_CR.PLLRDY never rose: SYSCLK stays on the HSI
  kVosNotReady = 1u << 2,        // PWR_CSR.VOSRDY never rose: SYSCLK stays on the HSI
  kLatencyRejected = 1u << 3,    // FLASH_ACR.LATENCY did not read back: SYSCLK stays on the HSI
  kSwitchNotConfirmed = 1u << 4  // RCC_CFGR.SWS never showed the PLL: back to the HSI
};

struct ClockResult {
  uint32_t sysclk_hz;
  uint32_t hclk_hz;
  uint32_t pclk1_hz;
  uint32_t pclk2_hz;
  SysclkSource source;
  uint32_t failures;       // ClockFailure bits
  uint32_t flash_latency;  // wait states programmed
  bool prefetch;           // FLASH_ACR.PRFTEN set
};

// A constant sentence for the banner: "" when the plan was met, otherwise what happened.
const char* clock_note(uint32_t failures);

const char* source_name(SysclkSource source);

}  // namespace bsp::stm32f4
