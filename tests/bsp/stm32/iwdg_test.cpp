// The STM32 IWDG driver shared by the STM32F4 and STM32F7 (bsp/stm32/iwdg.cpp): timeout -> PR/RLR,
// the start sequence against a model that ignores protected writes and holds PVU/RVU, the bounded
// waits (no start on a timeout), the kick and the reset flag.
#include "iwdg.hpp"

#include <gtest/gtest.h>

#include "iwdg_model.hpp"

namespace {

using iwdg_test::reads_of;
using iwdg_test::writes_to;
namespace iwdg = bsp::stm32::iwdg;

constexpr iwdg::WaitBudget kSmallBudget{50, 50};

// --- timeout -> prescaler and reload ------------------------------------------------------------

TEST(IwdgPlanTest, TwoSecondsIsDivide16Reload3999) {
  constexpr iwdg::Plan p = iwdg::plan(2000);  // 64000 LSI cycles / 16 = 4000 ticks
  static_assert(p.valid && p.pr == 2 && p.rlr == 3999);
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.pr, 2u);
  EXPECT_EQ(p.rlr, 0xF9Fu);
}

struct PlanCase {
  uint32_t ms;
  uint32_t pr;
  uint32_t rlr;
};

TEST(IwdgPlanTest, TakesTheSmallestPrescalerWhoseReloadFits) {
  const PlanCase cases[] = {
      {1, 0, 7},         // 32 cycles / 4
      {512, 0, 4095},    // the most /4 can count (RM0090 table 107)
      {513, 1, 2051},    // one more ms needs /8
      {1000, 1, 3999},   //
      {1025, 2, 2049},   // 32800 / 8 = 4100 ticks: too many for /8
      {10001, 5, 2500},  // 320032 / 128 = 2500.25: rounded up to 2501 ticks
      {32768, 6, 4095},  // the longest: /256, full reload
  };
  for (const PlanCase& c : cases) {
    const iwdg::Plan p = iwdg::plan(c.ms);
    EXPECT_TRUE(p.valid) << c.ms << " ms";
    EXPECT_EQ(p.pr, c.pr) << c.ms << " ms";
    EXPECT_EQ(p.rlr, c.rlr) << c.ms << " ms";
  }
}

TEST(IwdgPlanTest, RejectsZeroAndWhatTheCounterCannotReach) {
  EXPECT_FALSE(iwdg::plan(0).valid);
  EXPECT_FALSE(iwdg::plan(iwdg::kMaxTimeoutMs + 1).valid);
  EXPECT_FALSE(iwdg::plan(0xFFFFFFFFu).valid);
  EXPECT_EQ(iwdg::kMaxTimeoutMs, 32768u);
}

// Every timeout: never shorter than asked, less than one tick longer, and no smaller prescaler
// fits.
TEST(IwdgPlanTest, EveryTimeoutIsRoundedUpByLessThanOneTick) {
  for (uint32_t ms = 1; ms <= iwdg::kMaxTimeoutMs; ++ms) {
    const iwdg::Plan p = iwdg::plan(ms);
    ASSERT_TRUE(p.valid) << ms;
    ASSERT_LE(p.pr, iwdg::kPrMax) << ms;
    ASSERT_LE(p.rlr, iwdg::kRlrMax) << ms;
    const uint64_t divider = 4u << p.pr;
    const uint64_t cycles = (p.rlr + 1ull) * divider;  // LSI cycles until the reset
    const uint64_t asked = ms * 32ull;                 // 32 LSI cycles per ms at 32 kHz
    ASSERT_GE(cycles, asked) << ms;
    ASSERT_LT(cycles - asked, divider) << ms;
    if (p.pr > 0) {
      ASSERT_GT((asked + divider / 2 - 1) / (divider / 2), 4096u) << ms;
    }
  }
}

// --- start ---------------------------------------------------------------------------------------

TEST(IwdgStartTest, LsiThenUnlockPrescalerReloadWaitThenStartAndReload) {
  const auto state = iwdg_test::install();
  EXPECT_EQ(iwdg::start(iwdg::plan(2000)), iwdg::StartResult::kStarted);
  EXPECT_TRUE(state->started);
  // The model kept them, so they were written while unlocked.
  EXPECT_EQ(fake_mmio::value(iwdg::kPr), 2u);
  EXPECT_EQ(fake_mmio::value(iwdg::kRlr), 3999u);
  EXPECT_EQ(writes_to(iwdg::kKr),
            (std::vector<uint32_t>{iwdg::kKeyUnlock, iwdg::kKeyStart, iwdg::kKeyReload}));

  const int lsi_on = fake_mmio::first_write(iwdg::kRccCsr, iwdg::kCsrLsiOn, iwdg::kCsrLsiOn);
  const int unlock = fake_mmio::first_write(iwdg::kKr, 0xFFFF, iwdg::kKeyUnlock);
  const int pr = fake_mmio::last_write(iwdg::kPr);
  const int rlr = fake_mmio::last_write(iwdg::kRlr);
  const int start = fake_mmio::first_write(iwdg::kKr, 0xFFFF, iwdg::kKeyStart);
  const int reload = fake_mmio::first_write(iwdg::kKr, 0xFFFF, iwdg::kKeyReload);
  ASSERT_GE(lsi_on, 0);
  EXPECT_LT(lsi_on, unlock);
  EXPECT_LT(unlock, pr);
  EXPECT_LT(pr, rlr);
  EXPECT_LT(rlr, start);
  EXPECT_EQ(reload, start + 1);  // the start loads 0xFFF: reload RLR at once
  // The last SR read before the start saw both updates done.
  const auto& log = fake_mmio::log();
  int last_sr = -1;
  for (int i = rlr; i < start; ++i) {
    if (!log[i].is_write && log[i].address == iwdg::kSr) last_sr = i;
  }
  ASSERT_GT(last_sr, rlr);
  EXPECT_EQ(log[last_sr].value & (iwdg::kSrPvu | iwdg::kSrRvu), 0u);
  // LSIRDY was seen before anything touched the IWDG.
  for (int i = 0; i < unlock; ++i) {
    EXPECT_NE(log[i].address & ~0xFFFu, iwdg::kBase) << "IWDG access before LSIRDY, entry " << i;
  }
}

TEST(IwdgStartTest, WaitsAsLongAsTheUpdatesTake) {
  const auto state = iwdg_test::install({2, 12});
  EXPECT_EQ(iwdg::start(iwdg::plan(100), kSmallBudget), iwdg::StartResult::kStarted);
  EXPECT_GE(reads_of(iwdg::kSr), 13);
  EXPECT_EQ(fake_mmio::value(iwdg::kRlr), 799u);  // 3200 cycles / 4
}

TEST(IwdgStartTest, FreezesTheCounterUnderTheDebuggerKeepingOtherFreezeBits) {
  iwdg_test::install();
  fake_mmio::preset(iwdg::kDbgmcuApb1Fz, 1u << 11);  // DBG_WWDG_STOP, set by someone else
  ASSERT_EQ(iwdg::start(iwdg::plan(2000)), iwdg::StartResult::kStarted);
  EXPECT_EQ(fake_mmio::value(iwdg::kDbgmcuApb1Fz), (1u << 11) | iwdg::kDbgIwdgStop);
  EXPECT_LT(fake_mmio::last_write(iwdg::kDbgmcuApb1Fz),
            fake_mmio::first_write(iwdg::kKr, 0xFFFF, iwdg::kKeyStart));
}

TEST(IwdgStartTest, NoLsiMeansNoStartAndNoIwdgAccess) {
  const auto state = iwdg_test::install({-1, 3});
  EXPECT_EQ(iwdg::start(iwdg::plan(2000), kSmallBudget), iwdg::StartResult::kLsiNotReady);
  EXPECT_FALSE(state->started);
  // One read by the LSION read-modify-write, then exactly the budget of ready polls.
  EXPECT_EQ(reads_of(iwdg::kRccCsr), 1 + static_cast<int>(kSmallBudget.lsi_ready_polls));
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    EXPECT_NE(access.address & ~0xFFFu, iwdg::kBase);
  }
  EXPECT_STREQ(iwdg::result_text(iwdg::StartResult::kLsiNotReady),
               "LSI did not start: IWDG not started");
}

TEST(IwdgStartTest, UpdateThatNeverEndsMeansNoStart) {
  const auto state = iwdg_test::install({2, -1});
  EXPECT_EQ(iwdg::start(iwdg::plan(2000), kSmallBudget), iwdg::StartResult::kUpdateTimeout);
  EXPECT_FALSE(state->started);
  EXPECT_EQ(reads_of(iwdg::kSr), static_cast<int>(kSmallBudget.update_polls));
  EXPECT_EQ(writes_to(iwdg::kKr), std::vector<uint32_t>{iwdg::kKeyUnlock});
}

// The model is strict enough to catch a wrong order: PR written before the unlock is dropped.
TEST(IwdgStartTest, ModelDropsPrescalerWrittenWithoutUnlock) {
  const auto state = iwdg_test::install();
  bsp::mmio::write(iwdg::kPr, 6);
  EXPECT_EQ(fake_mmio::value(iwdg::kPr), 0u);
  bsp::mmio::write(iwdg::kKr, iwdg::kKeyUnlock);
  bsp::mmio::write(iwdg::kKr, iwdg::kKeyReload);  // any other key locks again
  bsp::mmio::write(iwdg::kRlr, 5);
  EXPECT_EQ(fake_mmio::value(iwdg::kRlr), iwdg::kRlrMax);
}

// --- kick and reset flag -------------------------------------------------------------------------

TEST(IwdgKickTest, KickIsOneReloadKeyWrite) {
  iwdg_test::install();
  iwdg::kick();
  ASSERT_EQ(fake_mmio::log().size(), 1u);
  EXPECT_TRUE(fake_mmio::log()[0].is_write);
  EXPECT_EQ(fake_mmio::log()[0].address, iwdg::kKr);
  EXPECT_EQ(fake_mmio::log()[0].value, 0xAAAAu);
}

TEST(IwdgResetFlagTest, WatchdogResetIsReportedThenTheFlagsAreRemoved) {
  iwdg_test::install();
  fake_mmio::preset(iwdg::kRccCsr, iwdg::kCsrIwdgRstf | (1u << 26));  // IWDGRSTF | PINRSTF
  EXPECT_TRUE(iwdg::take_reset_flag());
  EXPECT_GE(fake_mmio::first_write(iwdg::kRccCsr, iwdg::kCsrRmvf, iwdg::kCsrRmvf), 0);
}

TEST(IwdgResetFlagTest, OtherResetsAreNotWatchdogResets) {
  iwdg_test::install();
  fake_mmio::preset(iwdg::kRccCsr, (1u << 27) | (1u << 26));  // PORRSTF | PINRSTF
  EXPECT_FALSE(iwdg::take_reset_flag());
  fake_mmio::preset(iwdg::kRccCsr, 1u << 30);  // WWDGRSTF: the window watchdog, not the IWDG
  EXPECT_FALSE(iwdg::take_reset_flag());
}

}  // namespace
