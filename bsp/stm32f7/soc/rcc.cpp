#include "rcc.hpp"

#include "bsp/mmio.hpp"
#include "flash_interface.hpp"
#include "pwr.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::rcc {
namespace {

namespace mmio = bsp::mmio;

constexpr uint32_t kPpreDiv16 = 0x7;
constexpr uint32_t kPrescalerMask = reg::kCfgrHpreMask | reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask;

// PPRE encoding: 0xx = /1, 100 = /2, 101 = /4, 110 = /8, 111 = /16.
uint32_t ppre_bits(uint32_t divider) {
  uint32_t bits = 0x4;
  for (uint32_t d = 2; d < divider && bits < kPpreDiv16; d *= 2) ++bits;
  return divider <= 1 ? 0 : bits;
}

uint32_t ppre_divider(uint32_t bits) { return (bits & 0x4) ? 2u << (bits & 0x3) : 1; }

uint32_t hpre_divider(uint32_t bits) {
  static const uint16_t kDividers[8] = {2, 4, 8, 16, 64, 128, 256, 512};
  return (bits & 0x8) ? kDividers[bits & 0x7] : 1;
}

uint32_t pllcfgr_fields(const ClockProfile& p) {
  return p.pll_m | (p.pll_n << 6) | ((p.pll_p / 2 - 1) << 16) | reg::kPllcfgrSrcHse |
         (p.pll_q << 24);
}

// HSI on and driving SYSCLK: the reset state, re-established in case a debugger reset only the
// core.
bool select_hsi() {
  mmio::set_bits(reg::kRccCr, reg::kCrHsiOn);
  if (!mmio::wait_until(reg::kRccCr, reg::kCrHsiRdy, reg::kCrHsiRdy, kMaxPolls)) return false;
  mmio::modify(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwHsi);
  return mmio::wait_until(reg::kRccCfgr, reg::kCfgrSwsMask, reg::kCfgrSwsHsi, kMaxPolls);
}

// Back to HSI at 16 MHz with everything the failed attempt switched on turned off again. The wait
// states come down last, once the clock is low (RM0385 FLASH).
ClockResult fall_back(ClockStatus why) {
  select_hsi();
  mmio::clear_bits(reg::kRccCr, reg::kCrPllOn);
  mmio::clear_bits(reg::kRccCr, reg::kCrHseOn);
  pwr::disable_overdrive();
  mmio::modify(reg::kRccCfgr, kPrescalerMask, 0);
  const ClockTree tree = read_clock_tree();
  if (tree.hclk_hz <= kHsiHz) flash::set_wait_states(0);
  return {why, tree};
}

ClockResult switch_to_pll(const ClockProfile& p) {
  // APB prescalers at /16 while SYSCLK jumps, so no bus ever sees more than its limit (ST's HAL
  // step 7).
  mmio::modify(reg::kRccCfgr, kPrescalerMask,
               (kPpreDiv16 << reg::kCfgrPpre1Shift) | (kPpreDiv16 << reg::kCfgrPpre2Shift));
  mmio::modify(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll);
  if (!mmio::wait_until(reg::kRccCfgr, reg::kCfgrSwsMask, reg::kCfgrSwsPll, kMaxPolls)) {
    return fall_back(ClockStatus::kSwitchTimeout);
  }
  mmio::modify(reg::kRccCfgr, reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask,
               (ppre_bits(p.apb1_divider) << reg::kCfgrPpre1Shift) |
                   (ppre_bits(p.apb2_divider) << reg::kCfgrPpre2Shift));
  return {ClockStatus::kOk, read_clock_tree()};
}

}  // namespace

ClockResult configure(const ClockProfile& p) {
  if (!select_hsi()) return {ClockStatus::kHsiTimeout, read_clock_tree()};
  pwr::select_scale1();
  // PLLCFGR writes are ignored while the PLL runs.
  mmio::clear_bits(reg::kRccCr, reg::kCrPllOn);
  if (!mmio::wait_until(reg::kRccCr, reg::kCrPllRdy, 0, kMaxPolls)) {
    return fall_back(ClockStatus::kPllTimeout);
  }
  mmio::clear_bits(reg::kRccCr, reg::kCrHseByp);  // the DISCO has a crystal, not a clock input
  mmio::set_bits(reg::kRccCr, reg::kCrHseOn);
  if (!mmio::wait_until(reg::kRccCr, reg::kCrHseRdy, reg::kCrHseRdy, kHseMaxPolls)) {
    return fall_back(ClockStatus::kHseTimeout);
  }
  mmio::modify(reg::kRccPllcfgr, reg::kPllcfgrFieldsMask, pllcfgr_fields(p));
  mmio::set_bits(reg::kRccCr, reg::kCrPllOn);
  if (!mmio::wait_until(reg::kRccCr, reg::kCrPllRdy, reg::kCrPllRdy, kMaxPolls)) {
    return fall_back(ClockStatus::kPllTimeout);
  }
  if (!pwr::wait_voltage_ready(kMaxPolls)) return fall_back(ClockStatus::kVoltageTimeout);
  // Over-drive while SYSCLK is still HSI, after the PLL locked (RM0385 PWR).
  if (p.overdrive && !pwr::enable_overdrive(kMaxPolls)) {
    return fall_back(ClockStatus::kOverdriveTimeout);
  }
  if (!flash::set_wait_states(p.flash_wait_states)) return fall_back(ClockStatus::kFlashRejected);
  flash::enable_art_and_prefetch();
  return switch_to_pll(p);
}

ClockTree read_clock_tree() {
  const uint32_t cfgr = mmio::read(reg::kRccCfgr);
  uint32_t sysclk = kHsiHz;
  const uint32_t sws = (cfgr & reg::kCfgrSwsMask) >> 2;
  if (sws == reg::kCfgrSwHse) {
    sysclk = kHseHz;
  } else if (sws == reg::kCfgrSwPll) {
    const uint32_t pll = mmio::read(reg::kRccPllcfgr);
    const uint64_t source = (pll & reg::kPllcfgrSrcHse) ? kHseHz : kHsiHz;
    const uint32_t m = pll & 0x3F;
    const uint32_t n = (pll >> 6) & 0x1FF;
    const uint32_t p = (((pll >> 16) & 0x3) + 1) * 2;
    sysclk = m == 0 ? 0 : static_cast<uint32_t>(source * n / (m * p));
  }
  const uint32_t hclk = sysclk / hpre_divider((cfgr >> 4) & 0xF);
  return {sysclk, hclk, hclk / ppre_divider((cfgr >> reg::kCfgrPpre1Shift) & 0x7),
          hclk / ppre_divider((cfgr >> reg::kCfgrPpre2Shift) & 0x7)};
}

const char* status_text(ClockStatus status) {
  switch (status) {
    case ClockStatus::kOk:
      return "";
    case ClockStatus::kHsiTimeout:
      return "HSI not selectable: clocks left as found";
    case ClockStatus::kHseTimeout:
      return "HSE crystal timeout: HSI fallback (16 MHz)";
    case ClockStatus::kPllTimeout:
      return "PLL lock timeout: HSI fallback (16 MHz)";
    case ClockStatus::kVoltageTimeout:
      return "voltage scale timeout: HSI fallback (16 MHz)";
    case ClockStatus::kOverdriveTimeout:
      return "over-drive timeout: HSI fallback (16 MHz)";
    case ClockStatus::kFlashRejected:
      return "flash wait states rejected: HSI fallback (16 MHz)";
    case ClockStatus::kSwitchTimeout:
      return "switch to PLL timed out: HSI fallback (16 MHz)";
  }
  return "unknown clock status";
}

}  // namespace bsp::stm32f7::rcc
