// FLASH_ACR (wait states, ART caches, prefetch) and PWR (voltage scale) drivers of the STM32F4.
#include <gtest/gtest.h>

#include "flash_interface.hpp"
#include "power_control.hpp"
#include "stm32f4_test_support.hpp"

namespace {

using namespace stm32f4_test;
namespace f4 = bsp::stm32f4;

TEST(FlashInterfaceTest, LatencyIsWrittenAndConfirmed) {
  reset_chip();
  fake_mmio::preset(reg::kFlashAcr, reg::kAcrIcEn);
  EXPECT_TRUE(f4::flash::set_latency(5));
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr), reg::kAcrIcEn | 5u);  // other bits kept
}

TEST(FlashInterfaceTest, LatencyThatDoesNotReadBackIsReported) {
  reset_chip();
  fake_mmio::on_write(reg::kFlashAcr, [](uint32_t v) { return v & ~0x7u; });  // like QEMU
  EXPECT_FALSE(f4::flash::set_latency(3));
}

TEST(FlashInterfaceTest, CachesAreResetWhileOffThenEnabled) {
  reset_chip();
  fake_mmio::preset(reg::kFlashAcr, 0x0705);
  f4::flash::enable_accelerator(true);
  const auto& log = fake_mmio::log();
  const int reset = fake_mmio::first_write(reg::kFlashAcr, reg::kAcrIcRst | reg::kAcrDcRst,
                                           reg::kAcrIcRst | reg::kAcrDcRst);
  ASSERT_GE(reset, 0);
  // The reset is written with both caches off (the reference manual allows it only then).
  EXPECT_EQ(log[reset].value & (reg::kAcrIcEn | reg::kAcrDcEn), 0u);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr), 0x0705u);  // latency kept, RST bits cleared
  f4::flash::enable_accelerator(false);
  EXPECT_EQ(fake_mmio::value(reg::kFlashAcr), 0x0605u);
}

TEST(PowerControlTest, F407ScaleOneIsOneBitAfterThePwrClock) {
  reset_chip();
  f4::power::select_scale1(f4::VosField::kOneBit);
  EXPECT_EQ(fake_mmio::value(reg::kPwrCr), 0x4000u);
  const int clock = fake_mmio::first_write(reg::kRccApb1enr, reg::kApb1PwrEn, reg::kApb1PwrEn);
  ASSERT_GE(clock, 0);
  // The clock-enable is read back before PWR is touched.
  ASSERT_GT(static_cast<int>(fake_mmio::log().size()), clock + 1);
  EXPECT_FALSE(fake_mmio::log()[clock + 1].is_write);
  EXPECT_EQ(fake_mmio::log()[clock + 1].address, reg::kRccApb1enr);
  EXPECT_LT(clock, fake_mmio::first_write(reg::kPwrCr, 0x4000, 0x4000));
}

TEST(PowerControlTest, F411ScaleOneReplacesTheResetScaleTwo) {
  reset_chip();
  fake_mmio::preset(reg::kPwrCr, 0x8000 | 0x10);  // Scale 2, plus an unrelated bit
  f4::power::select_scale1(f4::VosField::kTwoBits);
  EXPECT_EQ(fake_mmio::value(reg::kPwrCr), 0xC010u);
}

TEST(PowerControlTest, ScaleReadyWaitIsBounded) {
  reset_chip();
  EXPECT_FALSE(f4::power::wait_scale_ready(77));
  EXPECT_EQ(reads_of(reg::kPwrCsr), 77);
  fake_mmio::preset(reg::kPwrCsr, reg::kPwrCsrVosRdy);
  EXPECT_TRUE(f4::power::wait_scale_ready(1));
}

}  // namespace
