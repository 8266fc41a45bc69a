// What a board asks of the STM32F4 clock tree: the oscillator, the PLL settings from the HSE and
// from the HSI (the fallback when the HSE does not start), bus dividers, flash wait states, voltage
// scale.
//
// Plans are constexpr data in each board's folder. The encoders here turn a plan into register
// values, so host tests can compare them with the values ST's reference manuals
// (RM0090 / RM0383 RCC_PLLCFGR, RCC_CFGR) give for each board.
#pragma once

#include <cstdint>

namespace bsp::stm32f4 {

inline constexpr uint32_t kHsiHz = 16000000;  // HSI RC oscillator, the reset clock (RM0090 RCC)

// Main PLL: f_vco = f_in / m * n; SYSCLK = f_vco / p; 48 MHz domain = f_vco / q.
struct PllSettings {
  uint32_t m;  // 2..63
  uint32_t n;  // 50..432
  uint32_t p;  // 2, 4, 6 or 8
  uint32_t q;  // 2..15
};

// How the voltage regulator scale is encoded: the F405/F407 have one VOS bit (1 = Scale 1), the
// F411 two bits (11 = Scale 1): RM0090 / RM0383 PWR_CR.
enum class VosField : uint8_t { kOneBit, kTwoBits };

// ST's F4-Discovery template enables prefetch only on silicon revision Z (REV_ID 0x1001,
// DBGMCU_IDCODE); revision A (0x1000) of the F405/F407 is the one to avoid. The F411 has no such
// restriction.
enum class PrefetchPolicy : uint8_t { kAlways, kNotOnRevisionA };

struct ClockPlan {
  const char* name;        // the STRATA_CLOCK_PROFILE this plan implements, e.g. "168mhz"
  uint32_t hse_hz;         // 0 when the board has no HSE source
  bool hse_bypass;         // external clock (e.g. ST-LINK MCO) instead of a crystal
  PllSettings pll_hse;     // PLL from the HSE
  PllSettings pll_hsi;     // PLL from the HSI when the HSE does not become ready
  uint32_t ahb_divider;    // 1, 2, 4 .. 512
  uint32_t apb1_divider;   // 1, 2, 4, 8, 16
  uint32_t apb2_divider;   // 1, 2, 4, 8, 16
  uint32_t flash_latency;  // wait states for the PLL clock at 2.7-3.6 V
  VosField vos_field;
  bool wait_vos_ready;  // poll PWR_CSR.VOSRDY after the PLL locks (F411)
  PrefetchPolicy prefetch;
};

// Register encodings (RCC_PLLCFGR fields, RCC_CFGR prescaler codes); see stm32f4_registers.hpp.
constexpr uint32_t pllcfgr_fields(const PllSettings& pll, bool from_hse) {
  return (pll.q << 24) | (from_hse ? (1u << 22) : 0u) | (((pll.p / 2) - 1) << 16) | (pll.n << 6) |
         pll.m;
}

constexpr uint32_t pll_output_hz(uint32_t input_hz, const PllSettings& pll) {
  return static_cast<uint32_t>(static_cast<uint64_t>(input_hz) / pll.m * pll.n / pll.p);
}

// PPRE code: 0xx = /1, 100 = /2, 101 = /4, 110 = /8, 111 = /16.
constexpr uint32_t apb_prescaler_code(uint32_t divider) {
  switch (divider) {
    case 2:
      return 0x4;
    case 4:
      return 0x5;
    case 8:
      return 0x6;
    case 16:
      return 0x7;
    default:
      return 0x0;
  }
}

// HPRE code: 0xxx = /1, 1000 = /2 ... 1111 = /512 (there is no /32).
constexpr uint32_t ahb_prescaler_code(uint32_t divider) {
  switch (divider) {
    case 2:
      return 0x8;
    case 4:
      return 0x9;
    case 8:
      return 0xA;
    case 16:
      return 0xB;
    case 64:
      return 0xC;
    case 128:
      return 0xD;
    case 256:
      return 0xE;
    case 512:
      return 0xF;
    default:
      return 0x0;
  }
}

// VOS value (already shifted) for Scale 1 in PWR_CR.
constexpr uint32_t vos_scale1_bits(VosField field) {
  return (field == VosField::kOneBit ? 0x1u : 0x3u) << 14;
}
constexpr uint32_t vos_mask(VosField field) {
  return (field == VosField::kOneBit ? 0x1u : 0x3u) << 14;
}

}  // namespace bsp::stm32f4
