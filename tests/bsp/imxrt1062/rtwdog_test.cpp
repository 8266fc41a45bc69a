// The RT1062 RTWDOG driver (bsp/imxrt1062/soc/rtwdog.cpp): timeout -> PRES/TOVAL, the unlock and
// configuration inside the unlock window against a model that ignores late or locked writes, the
// refresh word and the SRC reset flags.
#include "soc/rtwdog.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "bsp/mmio.hpp"
#include "rt1062_chip_state.hpp"

namespace {

namespace rtwdog = bsp::imxrt1062::rtwdog;
namespace reg = bsp::imxrt1062::reg;
using rt1062_test::count_reads;
using rt1062_test::count_writes;

// CS as a disabled, reconfigurable RTWDOG reads (EN = 0, UPDATE = 1, LPO clock, 32-bit commands).
constexpr uint32_t kDisabledCs = reg::kRtwdogCsCmd32en | reg::kRtwdogCsUpdate | (1u << 8);

// The RTWDOG as the model sees it: the unlock word(s) open the configuration window only when
// CS.UPDATE is set; ULK reads as set `ulk_reads` reads of CS later; TOVAL, WIN and CS take a write
// only while unlocked and at most `window_accesses` bus accesses after the unlock (a stand-in for
// the 128 bus clocks); the CS write ends the window and RCS appears `rcs_reads` reads of CS later.
struct RtwdogModel {
  uint32_t cs = kDisabledCs;
  int ulk_reads = 1;  // < 0: never
  int rcs_reads = 2;  // < 0: never
  int window_accesses = 12;
};

struct ModelState {
  bool half_unlock = false;  // 0xC520 seen in 16-bit mode
  int unlock_at = -1;        // log index of the unlock write; -1: locked
  int ulk_left = -1;
  bool configured = false;
  int rcs_left = -1;
};

std::shared_ptr<ModelState> install(const RtwdogModel& model = RtwdogModel()) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kRtwdogCs, model.cs);
  fake_mmio::preset(reg::kRtwdogToval, 0x400);
  auto state = std::make_shared<ModelState>();
  const auto open_window = [state, model]() {
    state->unlock_at = static_cast<int>(fake_mmio::log().size());
    state->ulk_left = model.ulk_reads;
  };
  fake_mmio::on_write(reg::kRtwdogCnt, [state, open_window](uint32_t value) {
    const uint32_t cs = fake_mmio::value(reg::kRtwdogCs);
    if (cs & reg::kRtwdogCsUpdate) {
      if ((cs & reg::kRtwdogCsCmd32en) && value == reg::kRtwdogUnlockKey) open_window();
      if (!(cs & reg::kRtwdogCsCmd32en) && state->half_unlock && value == 0xD928) open_window();
    }
    state->half_unlock = value == 0xC520;
    return value;
  });
  const auto in_window = [state, model]() {
    const int since = static_cast<int>(fake_mmio::log().size()) - state->unlock_at;
    return state->unlock_at >= 0 && state->ulk_left == 0 && since <= model.window_accesses;
  };
  for (uintptr_t address : {reg::kRtwdogToval, reg::kRtwdogWin}) {
    fake_mmio::on_write(address, [address, in_window](uint32_t value) {
      return in_window() ? value : fake_mmio::value(address);
    });
  }
  fake_mmio::on_write(reg::kRtwdogCs, [state, model, in_window](uint32_t value) {
    if (!in_window()) return fake_mmio::value(reg::kRtwdogCs);
    state->unlock_at = -1;
    state->configured = true;
    state->rcs_left = model.rcs_reads;
    return value & ~(reg::kRtwdogCsUlk | reg::kRtwdogCsRcs);  // read-only bits
  });
  fake_mmio::on_read(reg::kRtwdogCs, [state](uint32_t stored) {
    uint32_t cs = stored;
    if (state->unlock_at >= 0 && state->ulk_left >= 0) {
      if (state->ulk_left == 0) cs |= reg::kRtwdogCsUlk;
      if (state->ulk_left > 0) --state->ulk_left;
    }
    if (state->configured && state->rcs_left >= 0) {
      if (state->rcs_left == 0) cs |= reg::kRtwdogCsRcs;
      if (state->rcs_left > 0) --state->rcs_left;
    }
    return cs;
  });
  return state;
}

std::vector<fake_mmio::Access> writes() {
  std::vector<fake_mmio::Access> out;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    if (access.is_write) out.push_back(access);
  }
  return out;
}

// --- timeout -> prescaler and TOVAL -------------------------------------------------------------

TEST(RtwdogPlanTest, TwoSecondsIsPrescaled256Toval256) {
  constexpr rtwdog::Plan p = rtwdog::plan(2000);  // 65536 periods: one too many without /256
  static_assert(p.valid && p.prescale_256 && p.toval == 256);
  EXPECT_EQ(rtwdog::control_value(p), 0x31A0u);  // CMD32EN | PRES | CLK=LPO | EN | UPDATE
}

TEST(RtwdogPlanTest, DirectCountUpToTwoSecondsThenDivide256) {
  struct Case {
    uint32_t ms;
    bool prescale;
    uint32_t toval;
  };
  const Case cases[] = {
      {1, false, 33},         // 32.768 periods, rounded up
      {1000, false, 32768},   //
      {1999, false, 65504},   // 65503.232 -> 65504: the longest without the prescaler
      {2000, true, 256},      //
      {10000, true, 1280},    //
      {511992, true, 65535},  // the longest
  };
  for (const Case& c : cases) {
    const rtwdog::Plan p = rtwdog::plan(c.ms);
    EXPECT_TRUE(p.valid) << c.ms;
    EXPECT_EQ(p.prescale_256, c.prescale) << c.ms;
    EXPECT_EQ(p.toval, c.toval) << c.ms;
  }
  EXPECT_EQ(rtwdog::control_value(rtwdog::plan(1000)), 0x21A0u);
}

TEST(RtwdogPlanTest, RejectsZeroAndTooLong) {
  EXPECT_FALSE(rtwdog::plan(0).valid);
  EXPECT_FALSE(rtwdog::plan(rtwdog::kMaxTimeoutMs + 1).valid);
  EXPECT_FALSE(rtwdog::plan(0xFFFFFFFFu).valid);
  EXPECT_EQ(rtwdog::kMaxTimeoutMs, 511992u);
}

TEST(RtwdogPlanTest, EveryTimeoutIsRoundedUpByLessThanOneTick) {
  for (uint32_t ms = 1; ms <= rtwdog::kMaxTimeoutMs; ms += (ms < 4000 ? 1 : 37)) {
    const rtwdog::Plan p = rtwdog::plan(ms);
    ASSERT_TRUE(p.valid) << ms;
    ASSERT_GE(p.toval, 1u) << ms;
    ASSERT_LE(p.toval, 0xFFFFu) << ms;
    const uint64_t tick = p.prescale_256 ? 256 : 1;  // LPO periods per count
    const uint64_t asked = uint64_t{ms} * 32768;     // LPO periods x 1000
    const uint64_t got = p.toval * tick * 1000;
    ASSERT_GE(got, asked) << ms;
    ASSERT_LT(got - asked, tick * 1000) << ms;
    if (p.prescale_256) {
      ASSERT_GT((asked + 999) / 1000, 0xFFFFu) << ms;
    }
  }
}

// --- start ---------------------------------------------------------------------------------------

TEST(RtwdogStartTest, GateUnlockTovalWinCsInsideTheWindowThenWaitForRcs) {
  const auto state = install();
  EXPECT_EQ(rtwdog::start(rtwdog::plan(2000)), rtwdog::StartResult::kStarted);
  const std::vector<fake_mmio::Access> w = writes();
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].address, reg::ccm_ccgr(5));  // CCGR5 CG2: the RTWDOG's clock gate
  EXPECT_EQ(w[0].value & (3u << 4), 3u << 4);
  EXPECT_EQ(w[1].address, reg::kRtwdogCnt);
  EXPECT_EQ(w[1].value, 0xD928C520u);
  EXPECT_EQ(w[2].address, reg::kRtwdogToval);
  EXPECT_EQ(w[2].value, 256u);
  EXPECT_EQ(w[3].address, reg::kRtwdogWin);
  EXPECT_EQ(w[3].value, 0u);
  EXPECT_EQ(w[4].address, reg::kRtwdogCs);
  EXPECT_EQ(w[4].value, 0x31A0u);
  // The model took every write, so all came after ULK and inside the window.
  EXPECT_TRUE(state->configured);
  EXPECT_EQ(fake_mmio::value(reg::kRtwdogToval), 256u);
  EXPECT_EQ(fake_mmio::value(reg::kRtwdogCs), 0x31A0u);
  // Between the unlock word and CS: the ULK polls (2 here), TOVAL and WIN, nothing else.
  const int unlock = fake_mmio::first_write(reg::kRtwdogCnt, 0xFFFFFFFF, 0xD928C520);
  const int cs = fake_mmio::last_write(reg::kRtwdogCs);
  EXPECT_EQ(cs - unlock, 5);
  // RCS was polled after the CS write until it showed.
  EXPECT_EQ(count_reads(reg::kRtwdogCs), 1 + 2 + 3);  // CMD32EN check, ULK polls, RCS polls
}

TEST(RtwdogStartTest, SixteenBitCommandModeUnlocksWithTwoWords) {
  const auto state = install({kDisabledCs & ~reg::kRtwdogCsCmd32en});
  EXPECT_EQ(rtwdog::start(rtwdog::plan(500)), rtwdog::StartResult::kStarted);
  const std::vector<fake_mmio::Access> w = writes();
  ASSERT_GE(w.size(), 3u);
  EXPECT_EQ(w[1].address, reg::kRtwdogCnt);
  EXPECT_EQ(w[1].value, 0xC520u);
  EXPECT_EQ(w[2].address, reg::kRtwdogCnt);
  EXPECT_EQ(w[2].value, 0xD928u);
  // The new CS turns 32-bit commands on, so kick()'s single refresh write is valid afterwards.
  EXPECT_EQ(fake_mmio::value(reg::kRtwdogCs), 0x21A0u);
  EXPECT_EQ(fake_mmio::value(reg::kRtwdogToval), 16384u);
}

TEST(RtwdogStartTest, RefusedUnlockWritesNothingAndSaysSo) {
  // UPDATE = 0: a previous configuration forbade changes until the next reset.
  const auto state = install({kDisabledCs & ~reg::kRtwdogCsUpdate});
  EXPECT_EQ(rtwdog::start(rtwdog::plan(2000)), rtwdog::StartResult::kUnlockRefused);
  EXPECT_EQ(count_reads(reg::kRtwdogCs), 1 + static_cast<int>(rtwdog::kUnlockPolls));
  EXPECT_EQ(count_writes(reg::kRtwdogToval), 0);
  EXPECT_EQ(count_writes(reg::kRtwdogWin), 0);
  EXPECT_EQ(count_writes(reg::kRtwdogCs), 0);
  EXPECT_FALSE(state->configured);
  EXPECT_STREQ(rtwdog::result_text(rtwdog::StartResult::kUnlockRefused),
               "RTWDOG refused the unlock: not reconfigured");
}

TEST(RtwdogStartTest, MissingRcsIsReportedAfterABoundedWait) {
  const auto state = install({kDisabledCs, 1, -1});
  EXPECT_EQ(rtwdog::start(rtwdog::plan(2000)), rtwdog::StartResult::kNotReconfigured);
  EXPECT_TRUE(state->configured);
  EXPECT_EQ(count_reads(reg::kRtwdogCs), 1 + 2 + static_cast<int>(rtwdog::kReconfigurePolls));
}

// The window model is strict enough to catch a slow sequence: writes after it closed are dropped.
TEST(RtwdogStartTest, ModelDropsWritesAfterTheWindow) {
  const auto state = install({kDisabledCs, 1, 2, 3});
  bsp::mmio::write(reg::kRtwdogCnt, reg::kRtwdogUnlockKey);
  (void)bsp::mmio::read(reg::kRtwdogCs);
  (void)bsp::mmio::read(reg::kRtwdogCs);
  (void)bsp::mmio::read(reg::kRtwdogCs);  // 3 accesses: the window is used up
  bsp::mmio::write(reg::kRtwdogToval, 99);
  EXPECT_EQ(fake_mmio::value(reg::kRtwdogToval), 0x400u);
}

// --- kick and reset flags ------------------------------------------------------------------------

TEST(RtwdogKickTest, KickIsTheRefreshWordInOneWrite) {
  install();
  rtwdog::kick();
  ASSERT_EQ(fake_mmio::log().size(), 1u);
  EXPECT_TRUE(fake_mmio::log()[0].is_write);
  EXPECT_EQ(fake_mmio::log()[0].address, reg::kRtwdogCnt);
  EXPECT_EQ(fake_mmio::log()[0].value, 0xB480A602u);
}

TEST(RtwdogResetFlagTest, RtwdogTimeoutIsReportedAndOnlyItsFlagCleared) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kSrcSrsr, (1u << 7) | (1u << 0));  // WDOG3_RST_B | IPP_RESET_B
  EXPECT_TRUE(rtwdog::take_reset_flag());
  ASSERT_EQ(count_writes(reg::kSrcSrsr), 1);
  EXPECT_EQ(fake_mmio::log().back().value, 1u << 7);  // write 1 to clear: the POR flag stays
}

TEST(RtwdogResetFlagTest, Wdog1TimeoutCountsOtherResetsDoNot) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kSrcSrsr, 1u << 4);  // WDOG_RST_B (WDOG1/2)
  EXPECT_TRUE(rtwdog::take_reset_flag());
  fake_mmio::reset();
  fake_mmio::preset(reg::kSrcSrsr, (1u << 0) | (1u << 3));  // power-on, reset pin
  EXPECT_FALSE(rtwdog::take_reset_flag());
  EXPECT_EQ(count_writes(reg::kSrcSrsr), 0);
}

}  // namespace
