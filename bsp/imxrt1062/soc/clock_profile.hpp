// The named ARM clock profiles of the i.MX RT1062 (STRATA_CLOCK_PROFILE): PLL multiplier, dividers
// and the core voltage each one needs (IMXRT1060RM CCM_ANALOG_PLL_ARM, CCM_CBCDR, DCDC_REG3).
//
// ARM PLL out = 24 MHz * DIV_SELECT / 2 (valid DIV_SELECT 54..108, i.e. 648..1296 MHz); the core
// (AHB) clock is that / ARM_PODF / AHB_PODF. IPG follows Teensy's rule ceil(f / 150 MHz), at most
// 4, so the overclocks run IPG above its 150 MHz rating exactly as Teensy's overclock menu does.
#pragma once

#include <cstdint>

#include "cortex_m/profile_lookup.hpp"

namespace bsp::imxrt1062 {

struct ClockProfile {
  const char* name;
  uint32_t pll_div_select;
  uint32_t arm_divider;  // ARM_PODF + 1
  uint32_t ahb_divider;  // AHB_PODF + 1
  uint32_t ipg_divider;  // IPG_PODF + 1
  uint32_t millivolts;   // VDD_SOC needed before the switch
};

constexpr uint32_t pll_arm_hz(uint32_t div_select) { return 12000000u * div_select; }

constexpr uint32_t core_hz(const ClockProfile& p) {
  return pll_arm_hz(p.pll_div_select) / p.arm_divider / p.ahb_divider;
}

// 600 MHz uses NXP's 1.275 V (SDK clock_config.c, the conservative one of the two sources; Teensy
// uses 1.25 V). The overclocks use Teensy's rule: 1.25 V + 25 mV per 28 MHz above 600 MHz.
inline constexpr ClockProfile kClockProfiles[] = {
    {"600mhz", 100, 2, 1, 4, 1275},  // PLL 1200 MHz / 2; IPG 150 MHz
    {"720mhz", 60, 1, 1, 4, 1350},   // PLL 720 MHz / 1; IPG 180 MHz
    {"816mhz", 68, 1, 1, 4, 1425},   // PLL 816 MHz / 1; IPG 204 MHz
};

// The profile called `name`, or nullptr (the lookup every SoC shares).
constexpr const ClockProfile* find_clock_profile(const char* name) {
  return cortex_m::find_profile(kClockProfiles, name);
}

constexpr bool profiles_are_valid() {
  for (const ClockProfile& p : kClockProfiles) {
    if (p.pll_div_select < 54 || p.pll_div_select > 108) return false;
    if (p.arm_divider < 1 || p.arm_divider > 8 || p.ahb_divider < 1 || p.ahb_divider > 8)
      return false;
    if (p.ipg_divider < 1 || p.ipg_divider > 4) return false;
  }
  return true;
}
static_assert(profiles_are_valid(), "an ARM clock profile is outside the PLL/divider ranges");
static_assert(core_hz(kClockProfiles[0]) == 600000000u, "the default profile must be 600 MHz");

}  // namespace bsp::imxrt1062
