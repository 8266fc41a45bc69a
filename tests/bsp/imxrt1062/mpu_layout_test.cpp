// The RT1062 MPU map: region attributes for caches and protection, guards, ITCM write protection.
#include "soc/mpu_layout.hpp"

#include <gtest/gtest.h>

#include "cortex_m/registers.hpp"
#include "rt1062_chip_state.hpp"

namespace {

namespace layout = bsp::imxrt1062::mpu_layout;
namespace mpu = cortex_m::mpu;
namespace creg = cortex_m::reg;

// RBAR and RASR last written for region `number` (RNR selects the region).
struct Programmed {
  uint32_t rbar = 0;
  uint32_t rasr = 0;
  bool rasr_written = false;
};

Programmed region(uint32_t number) {
  Programmed p;
  bool selected = false;
  for (const fake_mmio::Access& a : fake_mmio::log()) {
    if (!a.is_write) continue;
    if (a.address == creg::kMpuRnr) selected = a.value == number;
    if (selected && a.address == creg::kMpuRbar) p.rbar = a.value;
    if (selected && a.address == creg::kMpuRasr) {
      p.rasr = a.value;
      p.rasr_written = true;
    }
  }
  return p;
}

constexpr uint32_t kXn = 1u << 28;
uint32_t ap(uint32_t rasr) { return (rasr >> 24) & 7; }
uint32_t size_log2(uint32_t rasr) { return ((rasr >> 1) & 0x1F) + 1; }
uint32_t tex_c_b(uint32_t rasr) { return (rasr >> 16) & 0x3B; }

class MpuLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_mmio::reset(); }
};

TEST_F(MpuLayoutTest, DataMemoryIsExecuteNeverAndOcramIsWriteBackCached) {
  ASSERT_TRUE(layout::configure(0x20200000));
  const Programmed ocram = region(layout::kOcram);
  EXPECT_EQ(ocram.rbar, 0x20200000u);
  EXPECT_EQ(size_log2(ocram.rasr), 19u);
  EXPECT_EQ(ap(ocram.rasr), 3u);
  EXPECT_NE(ocram.rasr & kXn, 0u);
  EXPECT_EQ(tex_c_b(ocram.rasr), 0x0Bu);  // TEX=001 C=1 B=1: write-back, write-allocate
  EXPECT_NE(region(layout::kDtcm).rasr & kXn, 0u);
  EXPECT_NE(region(layout::kPeripherals).rasr & kXn, 0u);
  EXPECT_NE(fake_mmio::value(creg::kMpuCtrl) & 1u, 0u);
}

TEST_F(MpuLayoutTest, FlashIsReadOnlyCachedAndExecutable) {
  ASSERT_TRUE(layout::configure(0x20200000));
  const Programmed flash = region(layout::kFlexspi);
  EXPECT_EQ(flash.rbar, 0x60000000u);
  EXPECT_EQ(ap(flash.rasr), 6u);
  EXPECT_EQ(flash.rasr & kXn, 0u);
}

TEST_F(MpuLayoutTest, NullAndStackGuardsAllowNoAccess) {
  ASSERT_TRUE(layout::configure(0x20200040));
  EXPECT_EQ(region(layout::kNullGuard).rbar, 0u);
  EXPECT_EQ(ap(region(layout::kNullGuard).rasr), 0u);
  EXPECT_EQ(size_log2(region(layout::kNullGuard).rasr), 5u);
  EXPECT_EQ(region(layout::kStackGuard).rbar, 0x20200040u);
  EXPECT_EQ(ap(region(layout::kStackGuard).rasr), 0u);
  // The guards are numbered above the regions they cut into (higher numbers win).
  EXPECT_GT(layout::kNullGuard, layout::kItcm);
  EXPECT_GT(layout::kStackGuard, layout::kOcram);
}

TEST_F(MpuLayoutTest, ItcmIsWritableForTheCopyThenReadOnly) {
  ASSERT_TRUE(layout::configure(0x20200000));
  EXPECT_EQ(ap(region(layout::kItcm).rasr), 3u);
  EXPECT_EQ(region(layout::kItcm).rasr & kXn, 0u);
  layout::protect_itcm();
  EXPECT_EQ(ap(region(layout::kItcm).rasr), 6u);
}

TEST_F(MpuLayoutTest, LeftoverRegionsAreClearedWithTheMpuOff) {
  fake_mmio::preset(creg::kMpuType, 16u << 8);  // the RT1062's Cortex-M7: 16 regions
  fake_mmio::preset(creg::kMpuCtrl, 5);         // left enabled by the boot ROM
  ASSERT_TRUE(layout::configure(0x20200000));
  for (uint32_t number = layout::kStackGuard + 1; number < 16; ++number) {
    EXPECT_TRUE(region(number).rasr_written) << number;
    EXPECT_EQ(region(number).rasr, 0u) << number;
  }
  const int off = fake_mmio::first_write(creg::kMpuCtrl, 1, 0);
  const int first_region = fake_mmio::first_write(creg::kMpuRbar, 0, 0);
  ASSERT_GE(off, 0);
  EXPECT_LT(off, first_region);
  EXPECT_NE(fake_mmio::value(creg::kMpuCtrl) & 1u, 0u);
}

TEST_F(MpuLayoutTest, MisalignedStackGuardIsRejected) {
  EXPECT_FALSE(layout::configure(0x20200010));
}

}  // namespace
