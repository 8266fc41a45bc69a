// netduinoplus2 (QEMU 7.2, STM32F405RG): clock plan, console, cycle counter, exit and memory map
// (QEMU 7.2's model); the rest is the default of every STM32F4 board (board_config.hpp).
#include "board_config.hpp"

#include "clock_plans.hpp"
#include "console_wiring.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"Flash", 0x08000000, 1024u * 1024},
    {"SRAM (used)", 0x20000000, 128u * 1024},
};

// USART1 is QEMU's first serial port. Pins PA9 (TX) / PA10 (RX), AF7 (DS8626 alternate functions);
// QEMU ignores GPIO, the real board routes them the same way.
constexpr ConsoleConfig kUsart1OnPa9Pa10 =
    af7_console(reg::kUsart1, ApbBus::kApb2, reg::kApb2Usart1En, gpio::Port::kA, 9, 10);

constexpr BoardConfig qemu_config() {
  BoardConfig config = board_config(netduinoplus2::kClockPlans, kUsart1OnPa9Pa10, kRegions);
  config.counter = CounterSource::kQemuTim2Instructions;  // no DWT in QEMU 7.2
  config.exits_via_semihosting = true;
  // has_ccm stays false: the F405 has CCM, but QEMU 7.2 does not model it.
  return config;
}

}  // namespace

// Constant data in flash (constexpr), readable by the early boot hook before .data exists.
constexpr BoardConfig kBoardConfig = qemu_config();

}  // namespace bsp::stm32f4
