// Shared set-up of the STM32F4 register tests: the fake register space with the chip's reset
// values, hardware handshakes (oscillator/PLL ready bits, SWS following SW), and the boards' plans.
#pragma once

#include <cstdint>

#include "clock_bringup.hpp"
#include "clock_plan.hpp"
#include "fake_mmio.hpp"
#include "netduinoplus2/clock_plans.hpp"
#include "nucleo-f411re/clock_plans.hpp"
#include "stm32f407g-disc1/clock_plans.hpp"
#include "stm32f4_registers.hpp"

namespace stm32f4_test {

namespace reg = bsp::stm32f4::reg;

// RCC_CR after reset: HSION | HSIRDY | HSITRIM = 16; PLLCFGR reset 0x24003010 (RM0090); a revision
// Z F407 (DBGMCU_IDCODE REV_ID 0x1001, DEV_ID 0x413).
inline void reset_chip() {
  fake_mmio::reset();
  fake_mmio::preset(reg::kRccCr, 0x00000083);
  fake_mmio::preset(reg::kRccPllcfgr, 0x24003010);
  fake_mmio::preset(reg::kDbgmcuIdcode, 0x10016413);
}

// A chip whose oscillator, PLL and clock switch respond (after a few polls each).
inline void respond_like_silicon() {
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, 5);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, 3);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kPwrCsr, reg::kPwrCsrVosRdy, 2);
  fake_mmio::on_read(reg::kRccCfgr, [](uint32_t v) {
    return (v & ~reg::kCfgrSwsMask) | ((v & reg::kCfgrSwMask) << 2);  // SWS follows SW
  });
}

// Small poll budgets keep the timeout tests fast; the limits themselves are asserted.
inline constexpr bsp::stm32f4::WaitBudget kSmallBudget{200, 100, 100, 50};

// The boards' own plans (bsp/stm32f4/boards/<id>/clock_plans.hpp).
inline constexpr const bsp::stm32f4::ClockPlan& kF407Plan =
    bsp::stm32f4::stm32f407g_disc1::kClockPlans[0];
inline constexpr const bsp::stm32f4::ClockPlan& kF411Plan =
    bsp::stm32f4::nucleo_f411re::kClockPlans[0];
inline constexpr const bsp::stm32f4::ClockPlan& kF411Plan96 =
    bsp::stm32f4::nucleo_f411re::kClockPlans[1];
inline constexpr const bsp::stm32f4::ClockPlan& kNetduinoPlan =
    bsp::stm32f4::netduinoplus2::kClockPlans[0];

// Number of reads of `address` in the access log.
inline int reads_of(uintptr_t address) {
  int count = 0;
  for (const auto& access : fake_mmio::log())
    count += (!access.is_write && access.address == address);
  return count;
}

}  // namespace stm32f4_test
