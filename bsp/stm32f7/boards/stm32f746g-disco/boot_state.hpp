// What the STM32F746G-DISCO's boot hooks found, for the rest of the board code.
//
// The hooks run before .data/.bss exist, so the record lives in a BSP_NOINIT variable (boot.cpp)
// that the C runtime start-up leaves alone. board_init(), clock_info() and the board commands read
// it.
#pragma once

#include <cstdint>

#include "fmc_sdram.hpp"
#include "rcc.hpp"

namespace bsp::stm32f746g_disco {

struct BootState {
  stm32f7::rcc::ClockResult clock;
  bool mpu_configured;
  stm32f7::fmc::SdramStatus sdram_status;
  stm32f7::fmc::SdramPlan sdram_plan;
};

const BootState& boot_state();

}  // namespace bsp::stm32f746g_disco
