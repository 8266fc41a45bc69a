// STM32F4 GPIO alternate-function set-up: the console pins of each board.
#include "gpio.hpp"

#include <gtest/gtest.h>

#include "stm32f4_test_support.hpp"

namespace {

using namespace stm32f4_test;
namespace gpio = bsp::stm32f4::gpio;

constexpr uintptr_t kGpioa = 0x40020000;

TEST(GpioTest, UsartTwoPinsPa2Pa3AsAf7) {
  reset_chip();
  fake_mmio::preset(kGpioa + reg::kGpioModer, 0xA8000000);  // GPIOA reset: PA13-15 on the debugger
  fake_mmio::preset(kGpioa + reg::kGpioPupdr, 0x64000000);
  gpio::configure_alternate({gpio::Port::kA, 2, 7, gpio::Pull::kNone});
  gpio::configure_alternate({gpio::Port::kA, 3, 7, gpio::Pull::kUp});
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioModer), 0xA80000A0u);  // [5:4], [7:6] = 10
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioAfrl), 0x7700u);       // AF7 on 2 and 3
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioPupdr), 0x64000040u);  // pull-up on PA3 only
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioOspeedr), 0xA0u);
  EXPECT_EQ(fake_mmio::value(reg::kRccAhb1enr), reg::kAhb1GpioaEn);
}

TEST(GpioTest, HighPinUsesAfrhAndFunctionBeforeMode) {
  reset_chip();
  gpio::configure_alternate({gpio::Port::kA, 10, 7, gpio::Pull::kUp});  // USART1_RX
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioAfrh), 0x700u);
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioAfrl), 0u);
  EXPECT_EQ(fake_mmio::value(kGpioa + reg::kGpioModer), 0x2u << 20);
  EXPECT_LT(fake_mmio::last_write(kGpioa + reg::kGpioAfrh),
            fake_mmio::last_write(kGpioa + reg::kGpioModer));
}

TEST(GpioTest, PortClockEnabledAndReadBackBeforeThePort) {
  reset_chip();
  gpio::configure_alternate({gpio::Port::kC, 6, 8, gpio::Pull::kNone});  // USART6_TX on PC6
  const uintptr_t gpioc = gpio::port_base(gpio::Port::kC);
  EXPECT_EQ(gpioc, 0x40020800u);
  const int enable = fake_mmio::first_write(reg::kRccAhb1enr, 1u << 2, 1u << 2);
  ASSERT_GE(enable, 0);
  const auto& read_back = fake_mmio::log()[enable + 1];
  EXPECT_FALSE(read_back.is_write);
  EXPECT_EQ(read_back.address, reg::kRccAhb1enr);
  for (size_t i = 0; i < static_cast<size_t>(enable); ++i) {
    EXPECT_FALSE(fake_mmio::log()[i].address >= gpioc &&
                 fake_mmio::log()[i].address < gpioc + 0x400);
  }
  EXPECT_EQ(fake_mmio::value(gpioc + reg::kGpioAfrl), 0x08000000u);
}

}  // namespace
