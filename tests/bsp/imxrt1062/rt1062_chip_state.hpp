// A fake i.MX RT1062 as the boot ROM leaves it (Teensy: 396 MHz from PLL2 PFD2, IPG 132 MHz,
// 1.15 V), for the clock tests: presets the CCM, CCM_ANALOG and DCDC registers and gives the ARM
// PLL a lock bit that appears some reads after it is enabled.
#pragma once

#include "fake_mmio.hpp"
#include "soc/imxrt1062_registers.hpp"

namespace rt1062_test {

namespace reg = bsp::imxrt1062::reg;

inline constexpr uint32_t kUsb1Running = reg::kPllLock | reg::kPllEnable | reg::kPllUsbPower;

// pll_lock_reads < 0: the ARM PLL never locks.
inline void boot_rom_state(int pll_lock_reads = 4, bool usb1_running = true) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kDcdcReg3, 0x0000070E);                             // TRG 14 = 1150 mV
  fake_mmio::preset(reg::kDcdcReg0, reg::kDcdcStsDcOk);                      // settled
  fake_mmio::preset(reg::kCcmCbcdr, 2u << reg::kCbcdrIpgPodfShift);          // AHB /1, IPG /3
  fake_mmio::preset(reg::kCcmCbcmr, 1u << reg::kCbcmrPrePeriphClkSelShift);  // PLL2 PFD2
  fake_mmio::preset(reg::kPfd528, 0x2018101B);  // PFD2 = 528 * 18 / 24 = 396 MHz
  fake_mmio::preset(reg::kPllUsb1, usb1_running ? kUsb1Running : 0);
  fake_mmio::preset(reg::kPllArm, reg::kPllArmPowerdown);
  fake_mmio::ready_after(reg::kPllArm, reg::kPllEnable, reg::kPllArm, reg::kPllLock,
                         pll_lock_reads);
}

inline int count_reads(uintptr_t address) {
  int n = 0;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    if (!access.is_write && access.address == address) ++n;
  }
  return n;
}

inline int count_writes(uintptr_t address) {
  int n = 0;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    if (access.is_write && access.address == address) ++n;
  }
  return n;
}

}  // namespace rt1062_test
