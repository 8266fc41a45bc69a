// The STM32F4 (legacy layout) USART console driver, including the bounded transmit wait.
#include "usart.hpp"

#include <gtest/gtest.h>

#include "stm32f4_test_support.hpp"

namespace {

using namespace stm32f4_test;
namespace usart = bsp::stm32f4::usart;

constexpr uintptr_t kUsart2 = 0x40004400;

TEST(UsartTest, InitSetsRateWithTheUsartDisabledThenEnables) {
  reset_chip();
  fake_mmio::preset(kUsart2 + reg::kUsartCr1, reg::kCr1Ue | (1u << 12));  // left on, 9 bits
  usart::init(kUsart2, 42000000, 115200);
  EXPECT_EQ(fake_mmio::value(kUsart2 + reg::kUsartBrr), 365u);
  EXPECT_EQ(fake_mmio::value(kUsart2 + reg::kUsartCr1), 0x200Cu);  // UE b13 | TE | RE, 8N1
  const int disable = fake_mmio::first_write(kUsart2 + reg::kUsartCr1, 0xFFFFFFFF, 0);
  const int rate = fake_mmio::last_write(kUsart2 + reg::kUsartBrr);
  ASSERT_GE(disable, 0);
  EXPECT_LT(disable, rate);
  EXPECT_LT(rate, fake_mmio::last_write(kUsart2 + reg::kUsartCr1));
}

TEST(UsartTest, PutWaitsForTxeThenWritesData) {
  reset_chip();
  int polls = 0;
  fake_mmio::on_read(kUsart2 + reg::kUsartSr, [&polls](uint32_t v) {
    return ++polls >= 3 ? v | reg::kSrTxe : v & ~reg::kSrTxe;
  });
  EXPECT_TRUE(usart::put(kUsart2, 'A'));
  EXPECT_EQ(polls, 3);
  EXPECT_EQ(fake_mmio::value(kUsart2 + reg::kUsartDr), static_cast<uint32_t>('A'));
}

TEST(UsartTest, PutGivesUpWhenTxeNeverComes) {
  reset_chip();
  EXPECT_FALSE(usart::put(kUsart2, 'A'));
  EXPECT_EQ(reads_of(kUsart2 + reg::kUsartSr), static_cast<int>(usart::kTxPolls));
  EXPECT_EQ(fake_mmio::last_write(kUsart2 + reg::kUsartDr), -1);
}

TEST(UsartTest, GetReturnsMinusOneWithoutTouchingDataWhenEmpty) {
  reset_chip();
  EXPECT_EQ(usart::get(kUsart2), -1);
  EXPECT_EQ(reads_of(kUsart2 + reg::kUsartDr), 0);  // reading DR would clear a later RXNE
  fake_mmio::preset(kUsart2 + reg::kUsartSr, reg::kSrRxne);
  fake_mmio::preset(kUsart2 + reg::kUsartDr, 0x1A5);  // 9th bit must not leak into the byte
  EXPECT_EQ(usart::get(kUsart2), 0xA5);
}

}  // namespace
