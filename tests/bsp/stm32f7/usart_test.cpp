// USART console and its GPIO pins on the STM32F746G-DISCO: BRR from the real PCLK2, pin muxing that
// leaves every other pin (notably the SWD pins) alone, configuration order, and the bounded waits.
#include "usart.hpp"

#include <gtest/gtest.h>

#include "f7_hardware_model.hpp"
#include "fake_mmio.hpp"
#include "registers.hpp"

namespace {

namespace reg = bsp::stm32f7::reg;
namespace usart = bsp::stm32f7::usart;

uintptr_t gpio(unsigned port, uintptr_t offset) { return reg::gpio_port(port) + offset; }

static_assert(usart::brr_value(108000000, 115200) == 938, "937.5 rounds to 938");
static_assert(usart::brr_value(72000000, 115200) == 625, "exact at 72 MHz");

TEST(Stm32f7Usart, Usart1OnTheStLinkVcpAt108Mhz) {
  f7_test::install();
  fake_mmio::preset(reg::kRccDckcfgr2, 0x3);  // as if a bootloader had picked LSE
  usart::init(usart::kUsart1Vcp, 108000000, 115200);
  const uintptr_t base = reg::kUsart1;
  EXPECT_EQ(fake_mmio::value(base + reg::kUsartBrr), 938u);
  EXPECT_EQ(fake_mmio::value(base + reg::kUsartCr1), reg::kCr1Te | reg::kCr1Re | reg::kCr1Ue);
  EXPECT_EQ(fake_mmio::value(base + reg::kUsartCr2), 0u);
  EXPECT_EQ(fake_mmio::value(base + reg::kUsartCr3), 0u);
  EXPECT_EQ(fake_mmio::value(reg::kRccDckcfgr2) & reg::kDckcfgr2Usart1SelMask, 0u);  // PCLK2
  EXPECT_TRUE(fake_mmio::value(reg::kRccApb2enr) & reg::kApb2Usart1En);
  EXPECT_EQ(fake_mmio::value(reg::kRccAhb1enr) & 0x3u, 0x3u);  // GPIOA, GPIOB
  // PA9 AF7 (MODER[19:18] = 10, AFRH[7:4] = 7); PA13/PA14/PA15 keep their debug reset values.
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortA, reg::kGpioModer)), 0xA8080000u);
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortA, reg::kGpioAfrh)), 0x00000070u);
  // PB7 AF7 with pull-up (MODER[15:14] = 10, AFRL[31:28] = 7); PB3/PB4 keep theirs.
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortB, reg::kGpioModer)), 0x00008280u);
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortB, reg::kGpioAfrl)), 0x70000000u);
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortB, reg::kGpioPupdr)), 0x00004000u);
}

TEST(Stm32f7Usart, Usart6OnTheArduinoHeaderAtTheOverclockPclk2) {
  f7_test::install();
  usart::init(usart::kUsart6Arduino, 288461538 / 4, 115200);
  EXPECT_EQ(fake_mmio::value(reg::kUsart6 + reg::kUsartBrr), 626u);  // 72.115 MHz / 115200
  EXPECT_TRUE(fake_mmio::value(reg::kRccApb2enr) & reg::kApb2Usart6En);
  EXPECT_FALSE(fake_mmio::value(reg::kRccApb2enr) & reg::kApb2Usart1En);
  EXPECT_TRUE(fake_mmio::value(reg::kRccAhb1enr) & (1u << reg::kPortC));
  // GPIOC MODER 0xA000, AFRL 0x88000000.
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortC, reg::kGpioModer)), 0x0000A000u);
  EXPECT_EQ(fake_mmio::value(gpio(reg::kPortC, reg::kGpioAfrl)), 0x88000000u);
  EXPECT_EQ(fake_mmio::value(reg::kUsart1 + reg::kUsartCr1), 0u);
}

TEST(Stm32f7Usart, HsiFallbackClockStillGives115200) {
  f7_test::install();
  usart::init(usart::kUsart1Vcp, 16000000, 115200);
  EXPECT_EQ(fake_mmio::value(reg::kUsart1 + reg::kUsartBrr), 139u);  // 115108 Bd, -0.08 %
}

TEST(Stm32f7Usart, BaudRateIsWrittenWhileTheUsartIsDisabledAndClocked) {
  f7_test::install();
  usart::init(usart::kUsart1Vcp, 108000000, 115200);
  const uintptr_t base = reg::kUsart1;
  const int clock =
      fake_mmio::first_write(reg::kRccApb2enr, reg::kApb2Usart1En, reg::kApb2Usart1En);
  const int disable = fake_mmio::first_write(base + reg::kUsartCr1, reg::kCr1Ue, 0);
  const int brr = fake_mmio::last_write(base + reg::kUsartBrr);
  const int enable = fake_mmio::first_write(base + reg::kUsartCr1, reg::kCr1Ue, reg::kCr1Ue);
  const int pin_mode = fake_mmio::last_write(gpio(reg::kPortA, reg::kGpioModer));
  const int pin_af = fake_mmio::last_write(gpio(reg::kPortA, reg::kGpioAfrh));
  ASSERT_GE(clock, 0);
  EXPECT_LT(clock, disable);
  EXPECT_LT(disable, brr);
  EXPECT_LT(brr, enable);
  EXPECT_LT(pin_af, pin_mode);  // AF number before the pin switches to alternate mode
}

TEST(Stm32f7Usart, PutWaitsForTxeAndWritesTdr) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kUsart1 + reg::kUsartIsr, reg::kIsrTxe);
  EXPECT_TRUE(usart::put(usart::kUsart1Vcp, 'S'));
  EXPECT_EQ(fake_mmio::value(reg::kUsart1 + reg::kUsartTdr), static_cast<uint32_t>('S'));
}

TEST(Stm32f7Usart, DeadUsartDropsTheByteAfterABoundedWait) {
  fake_mmio::reset();  // TXE never set
  EXPECT_FALSE(usart::put(usart::kUsart1Vcp, 'S'));
  EXPECT_EQ(fake_mmio::last_write(reg::kUsart1 + reg::kUsartTdr), -1);
  EXPECT_EQ(f7_test::read_count(reg::kUsart1 + reg::kUsartIsr),
            static_cast<int>(usart::kTxMaxPolls));
}

TEST(Stm32f7Usart, GetReturnsReceivedBytesAndClearsOverrun) {
  fake_mmio::reset();
  EXPECT_EQ(usart::get(usart::kUsart1Vcp), -1);
  fake_mmio::preset(reg::kUsart1 + reg::kUsartIsr, reg::kIsrRxne | reg::kIsrOre);
  fake_mmio::preset(reg::kUsart1 + reg::kUsartRdr, 0x1A5);
  EXPECT_EQ(usart::get(usart::kUsart1Vcp), 0xA5);
  EXPECT_EQ(fake_mmio::value(reg::kUsart1 + reg::kUsartIcr), reg::kIcrOrecf);
}

}  // namespace
