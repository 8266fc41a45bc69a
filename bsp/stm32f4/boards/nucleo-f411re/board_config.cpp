// NUCLEO-F411RE: clock plans, console and memory map (RM0383, UM1724); the rest is the
// default of every STM32F4 board (board_config.hpp).
#include "board_config.hpp"

#include "clock_plans.hpp"
#include "console_wiring.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"Flash", 0x08000000, 512u * 1024},
    {"SRAM", 0x20000000, 128u * 1024},
};

}  // namespace

// Constant data in flash (constexpr), readable by the early boot hook before .data exists. The
// console's USART2 is wired to the ST-LINK/V2-1 virtual COM port (UM1724).
constexpr BoardConfig kBoardConfig =
    board_config(nucleo_f411re::kClockPlans, kUsart2OnPa2Pa3, kRegions);

}  // namespace bsp::stm32f4
