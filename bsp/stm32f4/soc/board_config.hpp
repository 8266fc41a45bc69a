// What distinguishes one STM32F4 board from another for the shared board code (stm32f4_board.cpp):
// its clock plan, console USART and pins, cycle-counter source, memory regions and how a run ends.
// Each board folder defines `kBoardConfig` as constant data (it is read by the early boot hook,
// before .data exists, so it must live in flash: constexpr-initialised, no constructors).
#pragma once

#include <cstddef>
#include <cstdint>

#include "bsp/board.hpp"
#include "clock_plan.hpp"
#include "cortex_m/profile_lookup.hpp"
#include "gpio.hpp"
#include "strata_config.hpp"

namespace bsp::stm32f4 {

enum class CounterSource : uint8_t {
  kDwtCycles,            // DWT CYCCNT: core clock cycles (real chips)
  kQemuTim2Instructions  // TIM2 at one tick per executed instruction (QEMU -icount shift=6)
};

enum class ApbBus : uint8_t { kApb1, kApb2 };

struct ConsoleConfig {
  uintptr_t usart;
  ApbBus bus;           // which PCLK clocks it, and which enable register holds its gate
  uint32_t enable_bit;  // in RCC_APB1ENR or RCC_APB2ENR
  gpio::AlternatePin tx;
  gpio::AlternatePin rx;
  uint32_t baud;
};

struct BoardConfig {
  const ClockPlan* plan;  // the board's plan for this tree's STRATA_CLOCK_PROFILE
  ConsoleConfig console;
  CounterSource counter;
  bool has_ccm;                // F405/F407: enable the CCM data RAM clock before .data is copied
  bool exits_via_semihosting;  // QEMU: board_exit() hands the exit code to the host
  const MemoryRegion* regions;
  std::size_t region_count;
};

extern const BoardConfig kBoardConfig;

// A board's kBoardConfig starts from this: the plan of its clock plans named by this tree's clock
// profile (chosen at compile time: a profile without a plan does not compile), its console and
// memory regions (the count taken from the array, so they cannot disagree), on a real chip: the DWT
// cycle counter, no CCM clock to enable, no semihosting host to exit to. The board then changes
// what differs.
template <std::size_t kPlanCount, std::size_t kRegionCount>
constexpr BoardConfig board_config(const ClockPlan (&plans)[kPlanCount],
                                   const ConsoleConfig& console,
                                   const MemoryRegion (&regions)[kRegionCount]) {
  BoardConfig config{};
  config.plan = &cortex_m::profile_named(plans, strata_config::kClockProfile);
  config.console = console;
  config.counter = CounterSource::kDwtCycles;
  config.has_ccm = false;
  config.exits_via_semihosting = false;
  config.regions = regions;
  config.region_count = kRegionCount;
  return config;
}

}  // namespace bsp::stm32f4
