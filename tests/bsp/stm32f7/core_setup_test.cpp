// The Cortex-M7 set-up the STM32F746G-DISCO's early hook performs: MPU regions (SDRAM as Normal
// memory, stack guard), the cache enable sequence, and the DWT cycle counter with its lock-access
// unlock.
#include <gtest/gtest.h>

#include "cortex_m/cache.hpp"
#include "cortex_m/dwt.hpp"
#include "cortex_m/registers.hpp"
#include "fake_mmio.hpp"
#include "memory_protection.hpp"
#include "sdram_board.hpp"

namespace {

namespace reg = cortex_m::reg;
namespace protection = bsp::stm32f7::memory_protection;
namespace sdram = bsp::stm32f746g_disco::sdram;

// The values written to RBAR/RASR for region `number` (last write after selecting it in RNR).
std::pair<uint32_t, uint32_t> region_writes(uint32_t number) {
  uint32_t rbar = 0, rasr = 0;
  bool selected = false;
  for (const auto& access : fake_mmio::log()) {
    if (!access.is_write) continue;
    if (access.address == reg::kMpuRnr) selected = access.value == number;
    if (selected && access.address == reg::kMpuRbar) rbar = access.value;
    if (selected && access.address == reg::kMpuRasr) rasr = access.value;
  }
  return {rbar, rasr};
}

TEST(Stm32f7CoreSetup, SdramBecomesNormalCachedMemoryAndTheGuardsFault) {
  fake_mmio::reset();
  ASSERT_TRUE(protection::configure(sdram::kBase, sdram::kSizeLog2, 0x20000000));
  const auto [sdram_base, sdram_rasr] = region_writes(protection::kSdramRegion);
  EXPECT_EQ(sdram_base, 0xC0000000u);
  // XN, AP = full access, TEX = 001 C = 1 B = 1 (write-back, write-allocate), not shareable,
  // SIZE = 22 (8 MB), enabled.
  EXPECT_EQ(sdram_rasr, 0x130B002Du);
  const auto [guard_base, guard_rasr] = region_writes(protection::kStackGuardRegion);
  EXPECT_EQ(guard_base, 0x20000000u);
  EXPECT_EQ(guard_rasr, 0x100B0009u);  // XN, AP = no access, 32 bytes, enabled
  const auto [null_base, null_rasr] = region_writes(protection::kNullTrapRegion);
  EXPECT_EQ(null_base, 0x00000000u);
  EXPECT_EQ(null_rasr, 0x100B0009u);
  // The guards must win where they overlap anything: the higher region number has priority.
  EXPECT_GT(protection::kStackGuardRegion, protection::kSdramRegion);
  EXPECT_GT(protection::kNullTrapRegion, protection::kSdramRegion);
  EXPECT_EQ(fake_mmio::value(reg::kMpuCtrl), 0x5u);  // ENABLE | PRIVDEFENA
  EXPECT_GT(fake_mmio::last_write(reg::kMpuCtrl), fake_mmio::last_write(reg::kMpuRasr));
  EXPECT_EQ(fake_mmio::value(reg::kShcsr) & 0x70000u, 0x70000u);  // MemManage/Bus/Usage faults
}

TEST(Stm32f7CoreSetup, MisalignedGuardLeavesTheMpuOff) {
  fake_mmio::reset();
  EXPECT_FALSE(protection::configure(sdram::kBase, sdram::kSizeLog2, 0x20000010));
  EXPECT_EQ(fake_mmio::last_write(reg::kMpuCtrl), -1);
}

TEST(Stm32f7CoreSetup, CachesAreInvalidatedBeforeTheyAreEnabled) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kCcsidr, 0xF003E019);  // 32 sets, 4 ways
  cortex_m::cache::enable_icache();
  cortex_m::cache::enable_dcache();
  const int icache_invalidate = fake_mmio::last_write(reg::kIcialu);
  const int icache_on =
      fake_mmio::first_write(reg::kCcr, reg::kCcrIcacheEnable, reg::kCcrIcacheEnable);
  const int dcache_on =
      fake_mmio::first_write(reg::kCcr, reg::kCcrDcacheEnable, reg::kCcrDcacheEnable);
  ASSERT_GE(icache_invalidate, 0);
  EXPECT_LT(icache_invalidate, icache_on);
  int set_way_ops = 0, last_set_way = -1;
  const auto& log = fake_mmio::log();
  for (size_t i = 0; i < log.size(); ++i) {
    if (log[i].is_write && log[i].address == reg::kDcisw) {
      ++set_way_ops;
      last_set_way = static_cast<int>(i);
    }
  }
  EXPECT_EQ(set_way_ops, 128);
  EXPECT_LT(last_set_way, dcache_on);
  EXPECT_EQ(fake_mmio::value(reg::kCcr) & 0x30000u, 0x30000u);
}

TEST(Stm32f7CoreSetup, CycleCounterUnlocksTheDwtBeforeEnablingIt) {
  fake_mmio::reset();
  cortex_m::dwt::start();
  const int trace = fake_mmio::first_write(reg::kDemcr, 1u << 24, 1u << 24);
  const int unlock = fake_mmio::first_write(reg::kDwtLar, 0xFFFFFFFF, 0xC5ACCE55);
  const int enable = fake_mmio::first_write(reg::kDwtCtrl, 1, 1);
  ASSERT_GE(trace, 0);
  EXPECT_LT(trace, unlock);
  EXPECT_LT(unlock, enable);
  EXPECT_EQ(fake_mmio::value(reg::kDwtCyccnt), 0u);
  // 64-bit extension across a wrap of the 32-bit counter.
  fake_mmio::preset(reg::kDwtCyccnt, 0xFFFFFF00);
  EXPECT_EQ(cortex_m::dwt::now(), 0xFFFFFF00u);
  fake_mmio::preset(reg::kDwtCyccnt, 0x10);
  EXPECT_EQ(cortex_m::dwt::now(), 0x100000010ull);
}

}  // namespace
