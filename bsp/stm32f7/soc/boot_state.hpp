// What the STM32F7 boot hooks found, for the rest of the board code.
//
// The hooks run before .data/.bss exist, so the record lives in a BSP_NOINIT variable
// (stm32f7_boot.cpp) that the C runtime start-up leaves alone. board_init(), clock_info() and the
// board commands read it.
#pragma once

#include <cstdint>

#include "fmc_sdram.hpp"
#include "rcc.hpp"

namespace bsp::stm32f7 {

struct BootState {
  rcc::ClockResult clock;
  bool mpu_configured;
  fmc::SdramStatus sdram_status;
  fmc::SdramPlan sdram_plan;
};

const BootState& boot_state();

}  // namespace bsp::stm32f7
