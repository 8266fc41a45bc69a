// ARM clock profiles: the CCM / CCM_ANALOG / DCDC sequence (values and order, IMXRT1060RM) and
// every bounded wait's timeout path, with the real clock read back through clock_tree.
#include "soc/arm_clock.hpp"

#include <gtest/gtest.h>

#include <string>

#include "rt1062_chip_state.hpp"
#include "soc/clock_tree.hpp"

namespace {

namespace arm_clock = bsp::imxrt1062::arm_clock;
namespace clock_tree = bsp::imxrt1062::clock_tree;
using bsp::imxrt1062::ClockProfile;
using bsp::imxrt1062::find_clock_profile;
using rt1062_test::count_reads;
using rt1062_test::count_writes;
namespace reg = bsp::imxrt1062::reg;

constexpr arm_clock::WaitLimits kLimits = {1000, 1000, 1000};

const ClockProfile& profile(const char* name) {
  const ClockProfile* p = find_clock_profile(name);
  EXPECT_NE(p, nullptr) << name;
  return *p;
}

uint32_t field(uintptr_t address, uint32_t mask, uint32_t shift) {
  return (fake_mmio::value(address) & mask) >> shift;
}

TEST(ClockProfileTest, NamedProfilesGiveTheirClocks) {
  EXPECT_EQ(bsp::imxrt1062::core_hz(profile("600mhz")), 600000000u);
  EXPECT_EQ(bsp::imxrt1062::core_hz(profile("720mhz")), 720000000u);
  EXPECT_EQ(bsp::imxrt1062::core_hz(profile("816mhz")), 816000000u);
  EXPECT_EQ(find_clock_profile("528mhz"), nullptr);
  EXPECT_EQ(find_clock_profile("600mhzz"), nullptr);
}

TEST(ArmClockTest, Reaches600MhzWithTheDocumentedRegisterValues) {
  rt1062_test::boot_rom_state();
  ASSERT_EQ(clock_tree::core_hz(), 396000000u);  // the ROM's clock, as Teensy assumes
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kAsAsked);
  EXPECT_EQ(fake_mmio::value(reg::kDcdcReg3) & reg::kDcdcTrgMask, 0x13u);   // 1.275 V
  EXPECT_EQ(fake_mmio::value(reg::kPllArm) & ~reg::kPllLock, 0x00002064u);  // ENABLE | 100
  EXPECT_EQ(fake_mmio::value(reg::kCcmCacrr), 1u);                          // ARM /2
  EXPECT_EQ(field(reg::kCcmCbcdr, reg::kCbcdrAhbPodfMask, reg::kCbcdrAhbPodfShift), 0u);
  EXPECT_EQ(field(reg::kCcmCbcdr, reg::kCbcdrIpgPodfMask, reg::kCbcdrIpgPodfShift), 3u);
  EXPECT_EQ(fake_mmio::value(reg::kCcmCbcdr) & reg::kCbcdrPeriphClkSel, 0u);
  EXPECT_EQ(field(reg::kCcmCbcmr, reg::kCbcmrPrePeriphClkSelMask, reg::kCbcmrPrePeriphClkSelShift),
            3u);
  EXPECT_EQ(clock_tree::core_hz(), 600000000u);
  EXPECT_EQ(clock_tree::ipg_hz(), 150000000u);
}

TEST(ArmClockTest, RaisesVoltageParksRelocksDividesThenSwitchesBackInThatOrder) {
  rt1062_test::boot_rom_state();
  ASSERT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kAsAsked);
  const int voltage = fake_mmio::last_write(reg::kDcdcReg3);
  const int park =
      fake_mmio::first_write(reg::kCcmCbcdr, reg::kCbcdrPeriphClkSel, reg::kCbcdrPeriphClkSel);
  const int pre_periph = fake_mmio::first_write(reg::kCcmCbcmr, reg::kCbcmrPrePeriphClkSelMask,
                                                reg::kCbcmrPrePeriphClkSelMask);
  const int powerdown =
      fake_mmio::first_write(reg::kPllArm, reg::kPllArmPowerdown, reg::kPllArmPowerdown);
  const int enable = fake_mmio::first_write(reg::kPllArm, reg::kPllEnable, reg::kPllEnable);
  const int divider = fake_mmio::first_write(reg::kCcmCacrr, 0x7, 1);
  const int back = fake_mmio::last_write(reg::kCcmCbcdr);
  ASSERT_GE(voltage, 0);
  EXPECT_LT(voltage, park);
  EXPECT_LT(park, pre_periph);
  EXPECT_LT(pre_periph, powerdown);
  EXPECT_LT(powerdown, enable);
  EXPECT_LT(enable, divider);
  EXPECT_LT(divider, back);
  // Parked on USB1 PLL / 4 = 120 MHz while the ARM PLL relocked.
  EXPECT_EQ(field(reg::kCcmCbcmr, reg::kCbcmrPeriphClk2SelMask, reg::kCbcmrPeriphClk2SelShift),
            reg::kPeriphClk2Usb1Pll);
  EXPECT_EQ(field(reg::kCcmCbcdr, reg::kCbcdrPeriphClk2PodfMask, reg::kCbcdrPeriphClk2PodfShift),
            3u);
}

TEST(ArmClockTest, OverclocksUseTheHigherVoltageAndAnUndividedPll) {
  struct Case {
    const char* name;
    uint32_t trg;
    uint32_t div_select;
  };
  for (const Case& c : {Case{"720mhz", 22, 60}, Case{"816mhz", 25, 68}}) {
    rt1062_test::boot_rom_state();
    const ClockProfile& p = profile(c.name);
    EXPECT_EQ(arm_clock::set_profile(p, kLimits), arm_clock::Outcome::kAsAsked) << c.name;
    EXPECT_EQ(fake_mmio::value(reg::kDcdcReg3) & reg::kDcdcTrgMask, c.trg) << c.name;
    EXPECT_EQ(fake_mmio::value(reg::kPllArm) & reg::kPllArmDivSelectMask, c.div_select) << c.name;
    EXPECT_EQ(fake_mmio::value(reg::kCcmCacrr), 0u) << c.name;
    EXPECT_EQ(clock_tree::core_hz(), bsp::imxrt1062::core_hz(p)) << c.name;
  }
}

TEST(ArmClockTest, ParksOnTheOscillatorWhenTheUsbPllIsOff) {
  rt1062_test::boot_rom_state(4, /*usb1_running=*/false);
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kAsAsked);
  EXPECT_EQ(field(reg::kCcmCbcmr, reg::kCbcmrPeriphClk2SelMask, reg::kCbcmrPeriphClk2SelShift),
            reg::kPeriphClk2Osc);
  EXPECT_EQ(field(reg::kCcmCbcdr, reg::kCbcdrPeriphClk2PodfMask, reg::kCbcdrPeriphClk2PodfShift),
            0u);
}

TEST(ArmClockTest, PllThatNeverLocksLeavesTheCoreOnTheParkingClock) {
  rt1062_test::boot_rom_state(/*pll_lock_reads=*/-1);
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits),
            arm_clock::Outcome::kPllLockTimeout);
  EXPECT_NE(fake_mmio::value(reg::kCcmCbcdr) & reg::kCbcdrPeriphClkSel, 0u);
  EXPECT_EQ(count_writes(reg::kCcmCacrr), 0);
  EXPECT_EQ(count_reads(reg::kPllArm), static_cast<int>(kLimits.pll_polls));
  EXPECT_EQ(clock_tree::core_hz(), 120000000u);  // the banner says 120 MHz, not 600
}

TEST(ArmClockTest, PllTimeoutOnTheOscillatorReports24Mhz) {
  rt1062_test::boot_rom_state(-1, /*usb1_running=*/false);
  EXPECT_EQ(arm_clock::set_profile(profile("816mhz"), kLimits),
            arm_clock::Outcome::kPllLockTimeout);
  EXPECT_EQ(clock_tree::core_hz(), 24000000u);
}

TEST(ArmClockTest, UnconfirmedVoltageLeavesEveryClockRegisterAlone) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kDcdcReg0, 0);  // DC_OK never set
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kDcdcTimeout);
  for (uintptr_t r : {reg::kCcmCbcdr, reg::kCcmCbcmr, reg::kCcmCacrr, reg::kPllArm}) {
    EXPECT_EQ(count_writes(r), 0) << std::hex << r;
  }
  EXPECT_EQ(count_reads(reg::kDcdcReg0), static_cast<int>(kLimits.dcdc_polls));
  EXPECT_EQ(clock_tree::core_hz(), 396000000u);
}

TEST(ArmClockTest, MuxHandshakeThatNeverEndsStopsBeforeTheRelock) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kCcmCdhipr, reg::kCdhiprPeriphClkSelBusy);
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kParkTimeout);
  EXPECT_EQ(count_writes(reg::kPllArm), 0);
}

TEST(ArmClockTest, DividerHandshakeThatNeverEndsStaysOnTheParkingClock) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kCcmCdhipr, reg::kCdhiprArmPodfBusy);
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits),
            arm_clock::Outcome::kDividerTimeout);
  EXPECT_NE(fake_mmio::value(reg::kCcmCbcdr) & reg::kCbcdrPeriphClkSel, 0u);
}

TEST(ArmClockTest, VoltageDropsOnlyAfterTheCoreLeftTheHigherClock) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kDcdcReg3, 24);  // 1.4 V left by a previous overclock
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kAsAsked);
  EXPECT_EQ(fake_mmio::value(reg::kDcdcReg3) & reg::kDcdcTrgMask, 0x13u);
  EXPECT_GT(fake_mmio::last_write(reg::kDcdcReg3), fake_mmio::last_write(reg::kCcmCbcdr));
}

TEST(ArmClockTest, AlreadyParkedCoreKeepsItsPeriphClk2Source) {
  rt1062_test::boot_rom_state();
  fake_mmio::preset(reg::kCcmCbcdr, reg::kCbcdrPeriphClkSel);
  fake_mmio::preset(reg::kCcmCbcmr, reg::kPeriphClk2Osc << reg::kCbcmrPeriphClk2SelShift);
  EXPECT_EQ(arm_clock::set_profile(profile("600mhz"), kLimits), arm_clock::Outcome::kAsAsked);
  EXPECT_EQ(field(reg::kCcmCbcmr, reg::kCbcmrPeriphClk2SelMask, reg::kCbcmrPeriphClk2SelShift),
            reg::kPeriphClk2Osc);
  EXPECT_EQ(count_reads(reg::kPllUsb1), 0);
  EXPECT_EQ(clock_tree::core_hz(), 600000000u);
}

TEST(ArmClockTest, EveryFailureHasANoteAndSuccessHasNone) {
  EXPECT_STREQ(arm_clock::describe(arm_clock::Outcome::kAsAsked), "");
  for (arm_clock::Outcome o :
       {arm_clock::Outcome::kDcdcTimeout, arm_clock::Outcome::kParkTimeout,
        arm_clock::Outcome::kPllLockTimeout, arm_clock::Outcome::kDividerTimeout,
        arm_clock::Outcome::kSwitchTimeout}) {
    EXPECT_GT(std::string(arm_clock::describe(o)).size(), 10u);
  }
}

}  // namespace
