// TIM2 as the netduinoplus2 instruction counter: set-up order and the 64-bit extension of CNT.
#include "tim2_counter.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "stm32f4_test_support.hpp"

namespace {

using namespace stm32f4_test;
namespace tim2 = bsp::stm32f4::tim2_counter;

constexpr uintptr_t kTim2 = 0x40000000;

TEST(Tim2CounterTest, StartProgramsPrescalerReloadThenEnables) {
  reset_chip();
  tim2::start(tim2::kQemuInstructionPrescaler);
  EXPECT_EQ(fake_mmio::value(kTim2 + reg::kTimPsc), 63u);
  EXPECT_EQ(fake_mmio::value(kTim2 + reg::kTimArr), 0xFFFFFFFFu);
  EXPECT_EQ(fake_mmio::value(kTim2 + reg::kTimCr1), reg::kTimCr1Cen);
  EXPECT_NE(fake_mmio::value(reg::kRccApb1enr) & reg::kApb1Tim2En, 0u);
  const int update = fake_mmio::first_write(kTim2 + reg::kTimEgr, reg::kTimEgrUg, reg::kTimEgrUg);
  const int enable = fake_mmio::first_write(kTim2 + reg::kTimCr1, reg::kTimCr1Cen, reg::kTimCr1Cen);
  ASSERT_GE(update, 0);
  EXPECT_LT(fake_mmio::last_write(kTim2 + reg::kTimPsc), update);  // UG loads PSC now
  EXPECT_LT(update, enable);
}

TEST(Tim2CounterTest, TicksFoldWrapsOfTheThirtyTwoBitCounter) {
  reset_chip();
  std::vector<uint32_t> counts = {10, 0xFFFFFF00u, 0x100, 0x200, 0xFFFFFFFFu, 5};
  size_t next = 0;
  fake_mmio::on_read(kTim2 + reg::kTimCnt, [&](uint32_t) { return counts[next++]; });
  tim2::start(0);  // reads 10 as the starting point
  EXPECT_EQ(tim2::ticks(), 0xFFFFFF00u);
  EXPECT_EQ(tim2::ticks(), 0x100000100ull);
  EXPECT_EQ(tim2::ticks(), 0x100000200ull);
  EXPECT_EQ(tim2::ticks(), 0x1FFFFFFFFull);
  EXPECT_EQ(tim2::ticks(), 0x200000005ull);
}

}  // namespace
