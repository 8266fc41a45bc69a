// STM32F407G-DISC1: clock plan, console, CCM and memory map (RM0090, UM1472); the rest is the
// default of every STM32F4 board (board_config.hpp).
#include "board_config.hpp"

#include "clock_plans.hpp"
#include "console_wiring.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"Flash", 0x08000000, 1024u * 1024},
    {"SRAM1+SRAM2", 0x20000000, 128u * 1024},
    {"CCM data RAM", 0x10000000, 64u * 1024},
};

constexpr BoardConfig disc1_config() {
  // USART2 goes to an external USB-serial adapter: the board's ST-LINK has no virtual COM port
  // wired to the MCU (UM1472).
  BoardConfig config = board_config(stm32f407g_disc1::kClockPlans, kUsart2OnPa2Pa3, kRegions);
  config.has_ccm = true;  // the CCM data RAM holds fast data: clock it before .data is copied
  return config;
}

}  // namespace

// Constant data in flash (constexpr), readable by the early boot hook before .data exists.
constexpr BoardConfig kBoardConfig = disc1_config();

}  // namespace bsp::stm32f4
