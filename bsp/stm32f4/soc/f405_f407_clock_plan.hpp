// The 168 MHz clock plan of the STM32F405/F407 die (RM0090 RCC), for the boards built on it.
// They differ only in their crystal, so a board gives the HSE frequency and its PLL settings; the
// rest is the chip's: AHB /1, APB1 /4 (42 MHz), APB2 /2 (84 MHz), 5 wait states, the one-bit VOS
// set to Scale 1 (no VOSRDY wait), and no prefetch on revision A (ST's F4-Discovery template).
#pragma once

#include <cstdint>

#include "clock_plan.hpp"

namespace bsp::stm32f4 {

constexpr ClockPlan f405_f407_plan_168mhz(uint32_t hse_hz, PllSettings pll_from_hse) {
  ClockPlan plan{};
  plan.name = "168mhz";
  plan.hse_hz = hse_hz;
  plan.hse_bypass = false;
  plan.pll_hse = pll_from_hse;
  // Without the crystal the PLL runs from the 16 MHz HSI: M=16 gives the same 1 MHz VCO input, so
  // the same 168 MHz.
  plan.pll_hsi = {16, 336, 2, 7};
  plan.ahb_divider = 1;
  plan.apb1_divider = 4;
  plan.apb2_divider = 2;
  plan.flash_latency = 5;
  plan.vos_field = VosField::kOneBit;
  plan.wait_vos_ready = false;
  plan.prefetch = PrefetchPolicy::kNotOnRevisionA;
  return plan;
}

}  // namespace bsp::stm32f4
