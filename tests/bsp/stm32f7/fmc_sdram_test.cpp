// FMC SDRAM bring-up of the STM32F746G-DISCO: the plan (SDCLK divider, SDCR/SDTR, refresh count
// from the real clock), the JEDEC command sequence and its order, the 38 pins against ST's register
// values, and the BUSY timeout.
#include "fmc_sdram.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "f7_hardware_model.hpp"
#include "fake_mmio.hpp"
#include "registers.hpp"
#include "sdram_board.hpp"

namespace {

namespace reg = bsp::stm32f7::reg;
namespace fmc = bsp::stm32f7::fmc;
namespace sdram = bsp::stm32f746g_disco::sdram;

// The refresh interval the controller really produces: (COUNT + 20) SDCLK cycles (ST's formula).
double refresh_interval_us(const fmc::SdramPlan& plan) {
  return (plan.refresh_count + 20.0) * 1e6 / plan.sdclk_hz;
}

TEST(Stm32f7FmcPlan, At216MhzMatchesStsControllerSetUp) {
  const fmc::SdramPlan plan = fmc::plan(sdram::kDevice, 216000000);
  ASSERT_TRUE(plan.valid);
  EXPECT_EQ(plan.sdclk_divider, 2u);
  EXPECT_EQ(plan.sdclk_hz, 108000000u);
  EXPECT_EQ(plan.sdcr, 0x00001954u);  // ST's SDCR[0]
  EXPECT_EQ(plan.sdtr, 0x01116361u);  // ST BSP timings {2,7,4,7,2,2,2}
  EXPECT_EQ(plan.refresh_count, 1632u);
  EXPECT_LT(refresh_interval_us(plan), 15.625);
  EXPECT_GT(refresh_interval_us(plan), 15.0);  // not needlessly often either
}

TEST(Stm32f7FmcPlan, OverclockUsesHclkDiv3AndRecomputesTheRefresh) {
  const fmc::SdramPlan plan = fmc::plan(sdram::kDevice, 288461538);
  ASSERT_TRUE(plan.valid);
  EXPECT_EQ(plan.sdclk_divider, 3u);
  EXPECT_EQ(plan.sdcr, 0x00001D54u);  // RM0385 FMC_SDCR1: SDCLK = 11b
  EXPECT_LE(plan.sdclk_hz, sdram::kDevice.max_sdclk_hz);
  // ST's 0x603 would refresh too slowly at 96 MHz (64 ms / 4096 rows); ours must not.
  EXPECT_LT(refresh_interval_us(plan), 15.625);
  EXPECT_LE(plan.refresh_count, 0x5C8u);
}

TEST(Stm32f7FmcPlan, HsiFallbackClockKeepsTheRefreshInterval) {
  const fmc::SdramPlan plan = fmc::plan(sdram::kDevice, 16000000);
  ASSERT_TRUE(plan.valid);
  EXPECT_EQ(plan.sdclk_hz, 8000000u);
  EXPECT_EQ(plan.refresh_count, 102u);
  EXPECT_LT(refresh_interval_us(plan), 15.625);
}

TEST(Stm32f7FmcPlan, RefreshCountStaysInsideTheRegister) {
  EXPECT_EQ(fmc::refresh_count(1000000, 15300), 41u);          // controller minimum
  EXPECT_EQ(fmc::refresh_count(4000000000u, 15300), 0x1FFFu);  // 13-bit field
  EXPECT_FALSE(fmc::plan(sdram::kDevice, 400000000).valid);    // even /3 is above 108 MHz
}

std::vector<int> g_delays;
void record_delay(uint32_t us) {
  g_delays.push_back(static_cast<int>(us));
  g_delays.push_back(static_cast<int>(fake_mmio::log().size()));
}

std::vector<uint32_t> sdcmr_writes() {
  std::vector<uint32_t> values;
  for (const auto& access : fake_mmio::log()) {
    if (access.is_write && access.address == reg::kFmcSdcmr) values.push_back(access.value);
  }
  return values;
}

TEST(Stm32f7FmcInit, RunsTheJedecSequenceAt216Mhz) {
  f7_test::install();
  g_delays.clear();
  fmc::SdramPlan plan{};
  ASSERT_EQ(sdram::bring_up(216000000, record_delay, &plan), fmc::SdramStatus::kOk);
  EXPECT_EQ(fake_mmio::value(reg::kFmcSdcr1), 0x00001954u);
  EXPECT_EQ(fake_mmio::value(reg::kFmcSdtr1), 0x01116361u);
  // ST's BSP: clock enable, PALL, 8 auto-refresh, load mode 0x220 (all bank 1).
  EXPECT_EQ(sdcmr_writes(), (std::vector<uint32_t>{0x11, 0x12, 0xF3, 0x44014}));
  EXPECT_EQ(fake_mmio::value(reg::kFmcSdrtr), 1632u << 1);
  // The >= 100 us pause sits between clock enable and precharge.
  ASSERT_EQ(g_delays.size(), 2u);
  EXPECT_GE(g_delays[0], 100);
  const int clock_enable = fake_mmio::first_write(reg::kFmcSdcmr, 0xFFFFFFFF, 0x11);
  const int precharge = fake_mmio::first_write(reg::kFmcSdcmr, 0xFFFFFFFF, 0x12);
  EXPECT_GT(g_delays[1], clock_enable);
  EXPECT_LE(g_delays[1], precharge);
  // FMC clocked before its first register write; refresh rate set after the mode register.
  EXPECT_LT(fake_mmio::first_write(reg::kRccAhb3enr, reg::kAhb3FmcEn, reg::kAhb3FmcEn),
            fake_mmio::first_write(reg::kFmcSdcr1, 0, 0));
  EXPECT_GT(fake_mmio::last_write(reg::kFmcSdrtr),
            fake_mmio::first_write(reg::kFmcSdcmr, 0xFFFFFFFF, 0x44014));
}

TEST(Stm32f7FmcInit, PinsMatchStsRegisterLevelExample) {
  f7_test::install();
  fmc::SdramPlan plan{};
  ASSERT_EQ(sdram::bring_up(216000000, record_delay, &plan), fmc::SdramStatus::kOk);
  // ST's register-level example: AFR[0], AFR[1], MODER, PUPDR per port C..H; OSPEEDR equals MODER.
  struct Expected {
    unsigned port;
    uint32_t afrl, afrh, moder, pupdr;
  };
  const Expected kSt[] = {
      {reg::kPortC, 0x0000C000, 0x00000000, 0x00000080, 0x00000040},
      {reg::kPortD, 0x000000CC, 0xCC000CCC, 0xA02A000A, 0x50150005},
      {reg::kPortE, 0xC00000CC, 0xCCCCCCCC, 0xAAAA800A, 0x55554005},
      {reg::kPortF, 0x00CCCCCC, 0xCCCCC000, 0xAA800AAA, 0x55400555},
      {reg::kPortG, 0x00CC00CC, 0xC000000C, 0x80020A0A, 0x40010505},
      {reg::kPortH, 0x00C0C000, 0x00000000, 0x00000880, 0x00000440},
  };
  int pins = 0;
  for (const Expected& e : kSt) {
    const uintptr_t port = reg::gpio_port(e.port);
    SCOPED_TRACE(e.port);
    EXPECT_EQ(fake_mmio::value(port + reg::kGpioAfrl), e.afrl);
    EXPECT_EQ(fake_mmio::value(port + reg::kGpioAfrh), e.afrh);
    EXPECT_EQ(fake_mmio::value(port + reg::kGpioModer), e.moder);
    EXPECT_EQ(fake_mmio::value(port + reg::kGpioOspeedr), e.moder);
    EXPECT_EQ(fake_mmio::value(port + reg::kGpioPupdr), e.pupdr);
    pins += __builtin_popcount(e.moder);
  }
  EXPECT_EQ(pins, 38);
  EXPECT_EQ(fake_mmio::value(reg::kRccAhb1enr) & 0xFCu, 0xFCu);  // GPIOC..H
}

TEST(Stm32f7FmcInit, WaitsForBusyBeforeEveryCommand) {
  f7_test::install();
  // The controller stays busy for 3 status reads after each command.
  auto busy_reads = std::make_shared<int>(0);
  fake_mmio::on_write(reg::kFmcSdcmr, [busy_reads](uint32_t v) {
    *busy_reads = 3;
    return v;
  });
  fake_mmio::on_read(reg::kFmcSdsr, [busy_reads](uint32_t stored) {
    if (*busy_reads > 0) {
      --*busy_reads;
      return stored | reg::kSdsrBusy;
    }
    return stored & ~reg::kSdsrBusy;
  });
  fmc::SdramPlan plan{};
  ASSERT_EQ(sdram::bring_up(216000000, record_delay, &plan), fmc::SdramStatus::kOk);
  // Between two commands (and before the refresh rate) there is a read of SDSR with BUSY clear.
  const auto& log = fake_mmio::log();
  bool idle_seen = true;
  for (const auto& access : log) {
    if (access.address == reg::kFmcSdsr && !access.is_write && !(access.value & reg::kSdsrBusy)) {
      idle_seen = true;
    }
    if (access.is_write && (access.address == reg::kFmcSdcmr || access.address == reg::kFmcSdrtr)) {
      EXPECT_TRUE(idle_seen) << "command written while BUSY";
      idle_seen = false;
    }
  }
}

TEST(Stm32f7FmcInit, ControllerStuckBusyTimesOutWithoutCommands) {
  f7_test::install();
  fake_mmio::preset(reg::kFmcSdsr, reg::kSdsrBusy);
  fmc::SdramPlan plan{};
  EXPECT_EQ(sdram::bring_up(216000000, record_delay, &plan), fmc::SdramStatus::kBusyTimeout);
  EXPECT_TRUE(sdcmr_writes().empty());
  EXPECT_EQ(fake_mmio::last_write(reg::kFmcSdrtr), -1);
  EXPECT_EQ(f7_test::read_count(reg::kFmcSdsr), static_cast<int>(fmc::kBusyMaxPolls));
  EXPECT_STRNE(fmc::status_text(fmc::SdramStatus::kBusyTimeout), "ok");
}

}  // namespace
