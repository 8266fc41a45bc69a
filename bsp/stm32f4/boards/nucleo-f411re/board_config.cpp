// NUCLEO-F411RE: clock plans, console and memory map (bsp-facts.md C.1-C.3).
#include "board_config.hpp"

#include "clock_plans.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"Flash", 0x08000000, 512u * 1024},
    {"SRAM", 0x20000000, 128u * 1024},
};

constexpr BoardConfig make_config() {
  BoardConfig config{};
  config.plans = nucleo_f411re::kClockPlans;
  config.plan_count = sizeof(nucleo_f411re::kClockPlans) / sizeof(ClockPlan);
  // USART2 on PA2 (TX) / PA3 (RX), AF7, wired to the ST-LINK/V2-1 virtual COM port (C.3).
  config.console.usart = reg::kUsart2;
  config.console.bus = ApbBus::kApb1;
  config.console.enable_bit = reg::kApb1Usart2En;
  config.console.tx = {gpio::Port::kA, 2, 7, gpio::Pull::kNone};
  config.console.rx = {gpio::Port::kA, 3, 7, gpio::Pull::kUp};
  config.console.baud = 115200;
  config.counter = CounterSource::kDwtCycles;
  config.has_ccm = false;
  config.exits_via_semihosting = false;
  config.regions = kRegions;
  config.region_count = sizeof(kRegions) / sizeof(kRegions[0]);
  return config;
}

}  // namespace

// constexpr: constant data in flash, readable by the early boot hook before .data exists.
constexpr BoardConfig kBoardConfig = make_config();

}  // namespace bsp::stm32f4
