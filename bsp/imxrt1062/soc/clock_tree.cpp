#include "clock_tree.hpp"

#include "bsp/mmio.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::clock_tree {
namespace {

uint32_t field(uint32_t value, uint32_t mask, uint32_t shift) { return (value & mask) >> shift; }

// PLL2 PFDn = 528 MHz * 18 / FRAC (FRAC 12..35), FRAC in byte n of CCM_ANALOG_PFD_528 [5:0].
// Worked in kHz so the product stays within 32 bits (no 64-bit division in boot code).
uint32_t pll2_pfd_hz(uint32_t index) {
  const uint32_t frac = (mmio::read(reg::kPfd528) >> (8 * index)) & 0x3F;
  if (frac == 0) return 0;
  return (reg::kPll2Hz / 1000 * 18 / frac) * 1000;
}

uint32_t arm_pll_hz() {
  const uint32_t pll = mmio::read(reg::kPllArm);
  if (pll & reg::kPllBypass) return reg::kOscHz;
  if ((pll & reg::kPllArmPowerdown) || !(pll & reg::kPllEnable)) return 0;
  return 12000000u * (pll & reg::kPllArmDivSelectMask);
}

uint32_t pre_periph_hz(uint32_t cbcmr) {
  switch (field(cbcmr, reg::kCbcmrPrePeriphClkSelMask, reg::kCbcmrPrePeriphClkSelShift)) {
    case 0:
      return reg::kPll2Hz;
    case 1:
      return pll2_pfd_hz(2);
    case 2:
      return pll2_pfd_hz(0);
    default: {
      const uint32_t arm_podf = (mmio::read(reg::kCcmCacrr) & reg::kCacrrArmPodfMask) + 1;
      return arm_pll_hz() / arm_podf;
    }
  }
}

uint32_t periph_clk2_hz(uint32_t cbcmr, uint32_t cbcdr) {
  const uint32_t podf =
      field(cbcdr, reg::kCbcdrPeriphClk2PodfMask, reg::kCbcdrPeriphClk2PodfShift) + 1;
  const uint32_t sel = field(cbcmr, reg::kCbcmrPeriphClk2SelMask, reg::kCbcmrPeriphClk2SelShift);
  const uint32_t usb1 = mmio::read(reg::kPllUsb1);
  const bool usb1_bypassed = (usb1 & reg::kPllBypass) != 0;
  // 0 = USB1 PLL (480 MHz unless bypassed), 1 = oscillator, 2 = PLL2 bypass clock (the oscillator).
  const uint32_t source =
      (sel == reg::kPeriphClk2Usb1Pll && !usb1_bypassed) ? reg::kPll3Hz : reg::kOscHz;
  return source / podf;
}

}  // namespace

uint32_t core_hz() {
  const uint32_t cbcdr = mmio::read(reg::kCcmCbcdr);
  const uint32_t cbcmr = mmio::read(reg::kCcmCbcmr);
  const uint32_t periph =
      (cbcdr & reg::kCbcdrPeriphClkSel) ? periph_clk2_hz(cbcmr, cbcdr) : pre_periph_hz(cbcmr);
  return periph / (field(cbcdr, reg::kCbcdrAhbPodfMask, reg::kCbcdrAhbPodfShift) + 1);
}

uint32_t ipg_hz() {
  const uint32_t cbcdr = mmio::read(reg::kCcmCbcdr);
  return core_hz() / (field(cbcdr, reg::kCbcdrIpgPodfMask, reg::kCbcdrIpgPodfShift) + 1);
}

}  // namespace bsp::imxrt1062::clock_tree
