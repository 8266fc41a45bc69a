// DCDC (VDD_SOC): target encoding, clock gate before access, field-only write, bounded DC_OK wait.
#include "soc/dcdc.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "fake_mmio.hpp"
#include "soc/imxrt1062_registers.hpp"

namespace {

namespace dcdc = bsp::imxrt1062::dcdc;
namespace reg = bsp::imxrt1062::reg;

class DcdcTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_mmio::reset(); }
};

// DC_OK reads as set from the n-th read of REG0 on.
void dc_ok_after(int reads) {
  auto count = std::make_shared<int>(0);
  fake_mmio::on_read(reg::kDcdcReg0, [=](uint32_t stored) {
    return ++*count >= reads ? stored | reg::kDcdcStsDcOk : stored & ~reg::kDcdcStsDcOk;
  });
}

int reads_of(uintptr_t address) {
  int n = 0;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    if (!access.is_write && access.address == address) ++n;
  }
  return n;
}

TEST_F(DcdcTest, TargetIs800MillivoltsPlus25PerStepRoundedUp) {
  EXPECT_EQ(dcdc::trg_for_millivolts(1275), 0x13u);  // NXP SDK value at 600 MHz
  EXPECT_EQ(dcdc::trg_for_millivolts(1250), 0x12u);  // Teensy's
  EXPECT_EQ(dcdc::trg_for_millivolts(1260), 0x13u);  // never below the request
  EXPECT_EQ(dcdc::trg_for_millivolts(1425), 25u);
  EXPECT_EQ(dcdc::trg_for_millivolts(700), 0u);
  EXPECT_EQ(dcdc::trg_for_millivolts(2000), 31u);  // capped at 1575 mV
  EXPECT_EQ(dcdc::millivolts_for_trg(0x13), 1275u);
}

TEST_F(DcdcTest, GatesTheClockThenSetsOnlyTheTargetFieldThenWaitsForDcOk) {
  fake_mmio::preset(reg::kDcdcReg3, 0x0000070E);  // TRG 14 = 1150 mV plus other fields
  dc_ok_after(3);
  EXPECT_TRUE(dcdc::set_millivolts(1275, 100));
  EXPECT_EQ(fake_mmio::value(reg::kDcdcReg3), 0x00000713u);
  EXPECT_EQ(dcdc::target_millivolts(), 1275u);
  const int gate = fake_mmio::first_write(reg::ccm_ccgr(6), 0xC0, 0xC0);
  const int target = fake_mmio::last_write(reg::kDcdcReg3);
  ASSERT_GE(gate, 0);
  EXPECT_LT(gate, target);
  EXPECT_EQ(reads_of(reg::kDcdcReg0), 3);
}

TEST_F(DcdcTest, DcOkThatNeverComesTimesOutAfterTheLimit) {
  dc_ok_after(1 << 30);
  EXPECT_FALSE(dcdc::set_millivolts(1425, 500));
  EXPECT_EQ(reads_of(reg::kDcdcReg0), 500);
}

}  // namespace
