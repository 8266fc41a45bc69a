// What distinguishes one STM32F7 board from another for the shared board code (stm32f7_board.cpp,
// stm32f7_boot.cpp, stm32f7_commands.cpp): its clock profile, console USART, memory regions and its
// external SDRAM. Each board folder defines `kBoardConfig` as constant data (it is read by the
// early boot hooks, before .data exists, so it must live in flash: constexpr-initialised, no
// constructors).
#pragma once

#include <cstddef>
#include <cstdint>

#include "bsp/board.hpp"
#include "clock_profile.hpp"
#include "cortex_m/profile_lookup.hpp"
#include "fmc_sdram.hpp"
#include "strata_config.hpp"
#include "usart.hpp"

namespace bsp::stm32f7 {

// The board's SDRAM on FMC bank 1: where it is, and the board function that clocks the FMC, routes
// its pins and initialises the device at the real HCLK (recording the values used in `plan`).
struct SdramConfig {
  uintptr_t base;
  uint32_t size_log2;
  fmc::SdramStatus (*bring_up)(uint32_t hclk_hz, void (*delay_us)(uint32_t), fmc::SdramPlan* plan);
};

struct BoardConfig {
  const ClockProfile* clock;  // the profile of this tree's STRATA_CLOCK_PROFILE
  const usart::Port* console;
  uint32_t console_baud;
  const MemoryRegion* regions;
  std::size_t region_count;
  SdramConfig sdram;
  bool arena_in_sdram;  // the arena is linked into the SDRAM (board_init warns when it is off)
};

extern const BoardConfig kBoardConfig;

// A board's kBoardConfig: the SoC clock profile named by this tree's clock profile (chosen at
// compile time: a name without a profile does not compile), its console at 115200 Bd, its memory
// regions (the count taken from the array) and its SDRAM.
template <std::size_t kRegionCount>
constexpr BoardConfig board_config(const usart::Port& console,
                                   const MemoryRegion (&regions)[kRegionCount],
                                   const SdramConfig& sdram, bool arena_in_sdram) {
  return {&cortex_m::profile_named(kClockProfiles, strata_config::kClockProfile),
          &console,
          115200,
          regions,
          kRegionCount,
          sdram,
          arena_in_sdram};
}

}  // namespace bsp::stm32f7
