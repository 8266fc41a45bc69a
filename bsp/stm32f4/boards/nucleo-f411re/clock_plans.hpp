// The NUCLEO-F411RE's clock plans (RM0383 RCC), in a header so the host register tests check
// the very values the board uses.
#pragma once

#include "clock_plan.hpp"

namespace bsp::stm32f4::nucleo_f411re {

// Shared by both profiles: the 8 MHz clock from the ST-LINK's MCO (HSE bypass), AHB /1, APB1 /2,
// APB2 /1, 3 wait states at 96-100 MHz. The F411 resets to voltage Scale 2 and has a two-bit VOS
// field: Scale 1 is written, and VOSRDY is awaited after the PLL locks (RM0383 PWR_CR).
constexpr ClockPlan f411_plan(const char* profile, PllSettings from_hse, PllSettings from_hsi) {
  ClockPlan plan{};
  plan.name = profile;
  plan.hse_hz = 8000000;
  plan.hse_bypass = true;
  plan.pll_hse = from_hse;
  plan.pll_hsi = from_hsi;
  plan.ahb_divider = 1;
  plan.apb1_divider = 2;
  plan.apb2_divider = 1;
  plan.flash_latency = 3;
  plan.vos_field = VosField::kTwoBits;
  plan.wait_vos_ready = true;
  plan.prefetch = PrefetchPolicy::kAlways;
  return plan;
}

inline constexpr ClockPlan kClockPlans[] = {
    // 100 MHz: M=4 N=100 P=2 Q=4 (PLLCFGR 0x04401904, no USB clock); from the HSI as ST's
    // F411E-DISCO template, M=16 N=400 P=4 Q=7 (0x07016410). PCLK1 50 MHz.
    f411_plan("100mhz", {4, 100, 2, 4}, {16, 400, 4, 7}),
    // 96 MHz with an exact 48 MHz USB clock (Zephyr's nucleo_f411re): M=8 N=384 P=4 Q=8
    // (0x08416008); from the HSI M=16, same VCO. PCLK1 48 MHz.
    f411_plan("96mhz", {8, 384, 4, 8}, {16, 384, 4, 8}),
};

}  // namespace bsp::stm32f4::nucleo_f411re
