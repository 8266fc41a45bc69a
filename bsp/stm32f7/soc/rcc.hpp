// The STM32F746 clock tree: brings the chip from the 16 MHz HSI reset clock to a named profile.
//
// configure() runs ST's bring-up order (RM0385 RCC and PWR): Scale 1, HSE, PLL, over-drive, flash
// wait states, prescalers, switch to the PLL, final prescalers. Every ready bit is polled a bounded
// number of times; when one never comes the chip goes back to HSI at 16 MHz and the result says
// which step failed. The frequencies reported are decoded from the registers afterwards, so they
// are the clocks the chip really runs at, whatever happened.
#pragma once

#include <cstdint>

#include "clock_profile.hpp"

namespace bsp::stm32f7::rcc {

// Poll budgets. At 16 MHz one poll is roughly 8-10 cycles: the HSE budget is about 100 ms, as long
// as the HAL's HSE_STARTUP_TIMEOUT; the others cover the datasheet's PLL lock and regulator times
// many times over.
inline constexpr uint32_t kHseMaxPolls = 200000;
inline constexpr uint32_t kMaxPolls = 100000;

enum class ClockStatus : uint8_t {
  kOk,
  kHsiTimeout,        // could not even select HSI: the clocks were left untouched
  kHseTimeout,        // crystal did not start
  kPllTimeout,        // PLL did not lock (or did not stop)
  kVoltageTimeout,    // VOSRDY did not come
  kOverdriveTimeout,  // ODRDY or ODSWRDY did not come
  kFlashRejected,     // FLASH_ACR did not read back the wait states
  kSwitchTimeout,     // SWS never showed the PLL
};

struct ClockTree {
  uint32_t sysclk_hz;
  uint32_t hclk_hz;
  uint32_t pclk1_hz;
  uint32_t pclk2_hz;
};

struct ClockResult {
  ClockStatus status;
  ClockTree tree;
};

ClockResult configure(const ClockProfile& profile);

// Decodes SWS, PLLCFGR and the prescalers into frequencies.
ClockTree read_clock_tree();

// A short sentence for the banner: "" when kOk.
const char* status_text(ClockStatus status);

}  // namespace bsp::stm32f7::rcc
