// netduinoplus2 (QEMU 7.2, STM32F405RG): clock plan, console and memory map (bsp-facts.md E).
#include "board_config.hpp"

#include "clock_plans.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"Flash", 0x08000000, 1024u * 1024},
    {"SRAM (used)", 0x20000000, 128u * 1024},
};

constexpr BoardConfig make_config() {
  BoardConfig config{};
  config.plans = netduinoplus2::kClockPlans;
  config.plan_count = sizeof(netduinoplus2::kClockPlans) / sizeof(ClockPlan);
  // USART1 is QEMU's first serial port (E.1). Pins PA9 (TX) / PA10 (RX), AF7 [U: datasheet AF
  // table]; QEMU ignores GPIO, the real board routes them the same way.
  config.console.usart = reg::kUsart1;
  config.console.bus = ApbBus::kApb2;
  config.console.enable_bit = reg::kApb2Usart1En;
  config.console.tx = {gpio::Port::kA, 9, 7, gpio::Pull::kNone};
  config.console.rx = {gpio::Port::kA, 10, 7, gpio::Pull::kUp};
  config.console.baud = 115200;
  config.counter = CounterSource::kQemuTim2Instructions;  // no DWT in QEMU (E.3)
  config.has_ccm = false;  // the F405 has CCM, but QEMU 7.2 does not model it (E.1)
  config.exits_via_semihosting = true;
  config.regions = kRegions;
  config.region_count = sizeof(kRegions) / sizeof(kRegions[0]);
  return config;
}

}  // namespace

// constexpr: constant data in flash, readable by the early boot hook before .data exists.
constexpr BoardConfig kBoardConfig = make_config();

}  // namespace bsp::stm32f4
