// Reading the real core clock back from the CCM: every mux path the boot ROM or a fallback can
// leave.
#include "soc/clock_tree.hpp"

#include <gtest/gtest.h>

#include "rt1062_chip_state.hpp"

namespace {

namespace clock_tree = bsp::imxrt1062::clock_tree;
namespace reg = bsp::imxrt1062::reg;

void select_pre_periph(uint32_t sel, uint32_t ahb_podf = 0) {
  fake_mmio::preset(reg::kCcmCbcmr, sel << reg::kCbcmrPrePeriphClkSelShift);
  fake_mmio::preset(reg::kCcmCbcdr, ahb_podf << reg::kCbcdrAhbPodfShift);
}

TEST(ClockTreeTest, BootRomStateIs396MhzWithIpgAt132) {
  rt1062_test::boot_rom_state();
  EXPECT_EQ(clock_tree::core_hz(), 396000000u);
  EXPECT_EQ(clock_tree::ipg_hz(), 132000000u);
}

TEST(ClockTreeTest, Pll2AndItsPfd0) {
  rt1062_test::boot_rom_state();
  select_pre_periph(0);
  EXPECT_EQ(clock_tree::core_hz(), 528000000u);
  select_pre_periph(2, 1);  // PFD0 = 528 * 18 / 27 = 352 MHz, AHB /2
  EXPECT_EQ(clock_tree::core_hz(), 176000000u);
}

TEST(ClockTreeTest, ArmPllDividedByArmPodfAndBypassedPll) {
  rt1062_test::boot_rom_state();
  select_pre_periph(3);
  fake_mmio::preset(reg::kPllArm, reg::kPllEnable | 100);
  fake_mmio::preset(reg::kCcmCacrr, 1);
  EXPECT_EQ(clock_tree::core_hz(), 600000000u);
  fake_mmio::preset(reg::kPllArm, reg::kPllEnable | reg::kPllBypass | 100);
  EXPECT_EQ(clock_tree::core_hz(), 12000000u);  // 24 MHz bypass / ARM_PODF 2
  fake_mmio::preset(reg::kPllArm, reg::kPllArmPowerdown | 100);
  EXPECT_EQ(clock_tree::core_hz(), 0u);  // no clock: reported as such, never as the profile
}

TEST(ClockTreeTest, PeriphClk2FromTheOscillatorOrTheUsbPll) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kCcmCbcdr, reg::kCbcdrPeriphClkSel);
  fake_mmio::preset(reg::kCcmCbcmr, reg::kPeriphClk2Osc << reg::kCbcmrPeriphClk2SelShift);
  EXPECT_EQ(clock_tree::core_hz(), 24000000u);
  fake_mmio::preset(reg::kCcmCbcmr, reg::kPeriphClk2Usb1Pll << reg::kCbcmrPeriphClk2SelShift);
  fake_mmio::preset(reg::kCcmCbcdr,
                    reg::kCbcdrPeriphClkSel | (3u << reg::kCbcdrPeriphClk2PodfShift));
  EXPECT_EQ(clock_tree::core_hz(), 120000000u);
}

}  // namespace
