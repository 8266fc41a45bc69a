#include "arm_clock.hpp"

#include "bsp/mmio.hpp"
#include "dcdc.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::arm_clock {
namespace {

bool handshake_done(uint32_t busy_bit, uint32_t max_polls) {
  return mmio::wait_until(reg::kCcmCdhipr, busy_bit, 0, max_polls);
}

bool usb1_pll_running() {
  const uint32_t pll = mmio::read(reg::kPllUsb1);
  const uint32_t needed = reg::kPllEnable | reg::kPllUsbPower | reg::kPllLock;
  return (pll & (needed | reg::kPllBypass)) == needed;
}

// Moves the core off the ARM PLL onto PERIPH_CLK2, so the PLL can be relocked under it, and
// selects the ARM PLL as the pre-periph source for the way back (the ROM value is not relied on).
bool park_on_periph_clk2(uint32_t max_polls) {
  if ((mmio::read(reg::kCcmCbcdr) & reg::kCbcdrPeriphClkSel) == 0) {
    const bool usb1 = usb1_pll_running();
    const uint32_t source = usb1 ? reg::kPeriphClk2Usb1Pll : reg::kPeriphClk2Osc;
    const uint32_t podf = usb1 ? 3 : 0;  // 480 / 4 = 120 MHz, or 24 MHz / 1
    mmio::modify(reg::kCcmCbcmr, reg::kCbcmrPeriphClk2SelMask,
                 source << reg::kCbcmrPeriphClk2SelShift);
    if (!handshake_done(reg::kCdhiprPeriph2ClkSelBusy, max_polls)) return false;
    mmio::modify(reg::kCcmCbcdr, reg::kCbcdrPeriphClk2PodfMask,
                 podf << reg::kCbcdrPeriphClk2PodfShift);
    mmio::set_bits(reg::kCcmCbcdr, reg::kCbcdrPeriphClkSel);
    if (!handshake_done(reg::kCdhiprPeriphClkSelBusy, max_polls)) return false;
  }
  mmio::modify(reg::kCcmCbcmr, reg::kCbcmrPrePeriphClkSelMask,
               reg::kPrePeriphArmPll << reg::kCbcmrPrePeriphClkSelShift);
  return true;
}

bool relock_arm_pll(uint32_t div_select, uint32_t max_polls) {
  mmio::write(reg::kPllArm, reg::kPllArmPowerdown);
  mmio::write(reg::kPllArm, reg::kPllEnable | (div_select & reg::kPllArmDivSelectMask));
  return mmio::wait_until(reg::kPllArm, reg::kPllLock, reg::kPllLock, max_polls);
}

bool set_dividers(const ClockProfile& p, uint32_t max_polls) {
  mmio::write(reg::kCcmCacrr, (p.arm_divider - 1) & reg::kCacrrArmPodfMask);
  if (!handshake_done(reg::kCdhiprArmPodfBusy, max_polls)) return false;
  mmio::modify(reg::kCcmCbcdr, reg::kCbcdrAhbPodfMask,
               (p.ahb_divider - 1) << reg::kCbcdrAhbPodfShift);
  if (!handshake_done(reg::kCdhiprAhbPodfBusy, max_polls)) return false;
  mmio::modify(reg::kCcmCbcdr, reg::kCbcdrIpgPodfMask,
               (p.ipg_divider - 1) << reg::kCbcdrIpgPodfShift);
  return true;
}

}  // namespace

Outcome set_profile(const ClockProfile& profile, const WaitLimits& limits) {
  const uint32_t boot_millivolts = dcdc::target_millivolts();
  if (profile.millivolts > boot_millivolts &&
      !dcdc::set_millivolts(profile.millivolts, limits.dcdc_polls)) {
    return Outcome::kDcdcTimeout;
  }
  if (!park_on_periph_clk2(limits.handshake_polls)) return Outcome::kParkTimeout;
  if (!relock_arm_pll(profile.pll_div_select, limits.pll_polls)) return Outcome::kPllLockTimeout;
  if (!set_dividers(profile, limits.handshake_polls)) return Outcome::kDividerTimeout;
  mmio::clear_bits(reg::kCcmCbcdr, reg::kCbcdrPeriphClkSel);
  if (!mmio::wait_until(reg::kCcmCdhipr, reg::kCdhiprPeriphClkSelBusy, 0, limits.handshake_polls)) {
    return Outcome::kSwitchTimeout;
  }
  // Only now may the voltage drop (a profile below the ROM's voltage); a slow DC_OK here is
  // harmless because the core already runs at the lower clock.
  if (profile.millivolts < boot_millivolts) {
    (void)dcdc::set_millivolts(profile.millivolts, limits.dcdc_polls);
  }
  return Outcome::kAsAsked;
}

const char* describe(Outcome outcome) {
  switch (outcome) {
    case Outcome::kAsAsked:
      return "";
    case Outcome::kDcdcTimeout:
      return "DCDC voltage not confirmed: boot clock kept";
    case Outcome::kParkTimeout:
      return "clock mux handshake timeout: ARM PLL not relocked";
    case Outcome::kPllLockTimeout:
      return "ARM PLL lock timeout: core left on PERIPH_CLK2";
    case Outcome::kDividerTimeout:
      return "divider handshake timeout: core left on PERIPH_CLK2";
    case Outcome::kSwitchTimeout:
      return "switch back to the ARM PLL did not complete";
  }
  return "unknown clock outcome";
}

}  // namespace bsp::imxrt1062::arm_clock
