// The named clock profiles of the STM32F746 (chosen by the preset's STRATA_CLOCK_PROFILE).
//
// A profile is the full recipe the RCC driver applies: PLL factors from the 25 MHz HSE, the flash
// wait states, the APB prescalers, whether the over-drive is needed, and a note the banner prints.
// The numbers are checked here at compile time against the rules of RM0385 RCC (VCO input range,
// wait states per 30 MHz, APB limits), so a mistyped profile does not build instead of hanging a
// board.
#pragma once

#include <cstdint>

namespace bsp::stm32f7 {

inline constexpr uint32_t kHseHz = 25000000;  // the DISCO board's crystal (UM1907)
inline constexpr uint32_t kHsiHz = 16000000;  // reset clock and fallback (RM0385 RCC)

struct ClockProfile {
  const char* name;  // as in the preset: "216mhz"
  uint32_t pll_m;    // VCO input = HSE / M
  uint32_t pll_n;    // VCO = VCO input x N
  uint32_t pll_p;    // SYSCLK = VCO / P (2, 4, 6 or 8)
  uint32_t pll_q;    // 48 MHz domain = VCO / Q (USB, SDMMC; unused by Strata)
  uint32_t flash_wait_states;
  uint32_t apb1_divider;  // 1, 2, 4, 8 or 16
  uint32_t apb2_divider;
  bool overdrive;    // needed above 180 MHz (RM0385 PWR)
  const char* note;  // printed in the banner even when the profile is reached ("" when in spec)
};

constexpr uint32_t profile_vco_hz(const ClockProfile& p) {
  return static_cast<uint32_t>(static_cast<uint64_t>(kHseHz) * p.pll_n / p.pll_m);
}
constexpr uint32_t profile_sysclk_hz(const ClockProfile& p) {
  return static_cast<uint32_t>(static_cast<uint64_t>(kHseHz) * p.pll_n / (p.pll_m * p.pll_p));
}
// Wait states the flash needs at 2.7-3.6 V: one per started 30 MHz above the first (RM0385 FLASH).
constexpr uint32_t required_wait_states(uint32_t hclk_hz) { return (hclk_hz - 1) / 30000000; }

// ST's configuration for the board (STM32CubeF7): 25 MHz / 25 x 432 / 2 = 216 MHz, Q = 9 gives 48
// MHz, Scale 1 + over-drive, 7 wait states, APB1 /4 = 54 MHz, APB2 /2 = 108 MHz.
inline constexpr ClockProfile kProfile216Mhz{"216mhz", 25, 432, 2, 9, 7, 4, 2, true, ""};

// The benchmark post's overclock. The post used HSI x 288 / 8; from the 25 MHz HSE
// exactly 288 MHz is impossible, so we take M = 13, N = 300, P = 2: 288.46 MHz with the crystal's
// accuracy (which the UART baud rate needs). VCO 577 MHz is beyond the 432 MHz maximum: out of
// spec. Flash: 9 wait states (the in-spec 30 MHz-per-state rule extended; the post ran 7 and saw
// sporadic failures). APB1 /8 = 36 MHz, APB2 /4 = 72 MHz keep the buses inside their limits. Q = 12
// gives 48.08 MHz.
inline constexpr ClockProfile kProfile288Mhz{
    "288mhz",
    13,
    300,
    2,
    12,
    9,
    8,
    4,
    true,
    "288mhz is an OVERCLOCK beyond the F746's 216 MHz (VCO 577 MHz > 432): PLL 25/13x300/2, 9 WS"};

constexpr bool profile_is_consistent(const ClockProfile& p) {
  const uint32_t vco_in = kHseHz / p.pll_m;
  const uint32_t sysclk = profile_sysclk_hz(p);
  return p.pll_m >= 2 && p.pll_m <= 63 && vco_in >= 1000000 && vco_in <= 2000000 && p.pll_n >= 50 &&
         p.pll_n <= 511 && (p.pll_p == 2 || p.pll_p == 4 || p.pll_p == 6 || p.pll_p == 8) &&
         p.pll_q >= 2 && p.pll_q <= 15 && p.flash_wait_states <= 15 &&
         p.flash_wait_states >= required_wait_states(sysclk) &&
         sysclk / p.apb1_divider <= 54000000 && sysclk / p.apb2_divider <= 108000000 &&
         (p.overdrive || sysclk <= 180000000);
}
// The profiles a preset's STRATA_CLOCK_PROFILE can name (a board picks one at compile time).
inline constexpr ClockProfile kClockProfiles[] = {kProfile216Mhz, kProfile288Mhz};

static_assert(profile_is_consistent(kProfile216Mhz), "216mhz profile breaks a clock rule");
static_assert(profile_is_consistent(kProfile288Mhz), "288mhz profile breaks a clock rule");
static_assert(profile_sysclk_hz(kProfile216Mhz) == 216000000, "216mhz must give 216 MHz");
static_assert(profile_vco_hz(kProfile216Mhz) <= 432000000, "216mhz must stay in spec");

}  // namespace bsp::stm32f7
