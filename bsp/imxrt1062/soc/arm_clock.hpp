// Switching the i.MX RT1062 core to a clock profile (IMXRT1060RM CCM_CBCDR, CCM_CACRR,
// CCM_ANALOG_PLL_ARM; the order of Teensy's set_arm_clock):
// raise VDD_SOC, park the core on PERIPH_CLK2 (USB1 PLL / 4 = 120 MHz when that PLL runs, else the
// 24 MHz oscillator), relock the ARM PLL, set ARM/AHB/IPG dividers, switch back, lower the voltage.
//
// Every wait is bounded. A timeout stops the sequence where it is safe: before the PLL relock the
// boot clock stays; a PLL that never locks leaves the core on the parking clock. The caller reports
// the clock the registers really select (clock_tree.hpp), never the one asked for.
#pragma once

#include <cstdint>

#include "clock_profile.hpp"

namespace bsp::imxrt1062::arm_clock {

enum class Outcome : uint8_t {
  kAsAsked,
  kDcdcTimeout,     // voltage not confirmed: clock untouched
  kParkTimeout,     // the move to PERIPH_CLK2 did not complete: ARM PLL untouched
  kPllLockTimeout,  // ARM PLL did not lock: core left on PERIPH_CLK2
  kDividerTimeout,  // ARM_PODF or AHB_PODF handshake did not finish: core left on PERIPH_CLK2
  kSwitchTimeout,   // switch back to the ARM PLL did not finish
};

struct WaitLimits {
  uint32_t dcdc_polls;
  uint32_t pll_polls;
  uint32_t handshake_polls;
};

// About 50-100 ms worst case each at the boot clock; a healthy chip needs a small fraction.
inline constexpr WaitLimits kDefaultLimits = {1000000, 1000000, 100000};

Outcome set_profile(const ClockProfile& profile, const WaitLimits& limits);

// A short human-readable reason, "" for kAsAsked (for bsp::ClockInfo::note).
const char* describe(Outcome outcome);

}  // namespace bsp::imxrt1062::arm_clock
