// The board contract (bsp/include/bsp/board.hpp) for every STM32F7 board, driven by the board's
// kBoardConfig: console, cycle counter, SDRAM and MPU warnings, clock, regions and exit.
#include "board_config.hpp"
#include "boot_state.hpp"
#include "bsp/board.hpp"
#include "bsp/cycle_counter.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/console_text.hpp"
#include "stm32_watchdog.hpp"
#include "strata_config.hpp"
#include "usart.hpp"

namespace bsp {

void board_init() {
  const stm32f7::BoardConfig& board = stm32f7::kBoardConfig;
  const stm32f7::BootState& boot = stm32f7::boot_state();
  stm32f7::usart::init(*board.console, boot.clock.tree.pclk2_hz, board.console_baud);
  cycle_counter::start();
  if (boot.sdram_status != stm32f7::fmc::SdramStatus::kOk) {
    namespace text = cortex_m::console_text;
    text::put("\r\nWARNING: SDRAM not initialised: ");
    text::put(stm32f7::fmc::status_text(boot.sdram_status));
    text::put(board.arena_in_sdram ? " (the arena is in SDRAM: inference will fault)\r\n" : "\r\n");
  }
  if (!boot.mpu_configured) cortex_m::console_text::put("\r\nWARNING: MPU not configured\r\n");
  stm32::start_watchdog();  // last: when STRATA_WATCHDOG_MS is set, its timeout covers only the app
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() {
  const stm32f7::rcc::ClockResult& clock = stm32f7::boot_state().clock;
  const char* note = clock.status == stm32f7::rcc::ClockStatus::kOk
                         ? stm32f7::kBoardConfig.clock->note
                         : stm32f7::rcc::status_text(clock.status);
  return {clock.tree.hclk_hz, strata_config::kClockProfile, note};
}

std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = stm32f7::kBoardConfig.regions;
  return stm32f7::kBoardConfig.region_count;
}

bool board_can_exit() { return false; }

// A real board has nowhere to return to: let the console drain, then sleep until reset.
void board_exit(int) {
  stm32f7::usart::flush(*stm32f7::kBoardConfig.console);
  cortex_m::dsb();
  for (;;) {
#if defined(__arm__)
    __asm__ volatile("wfi");
#endif
  }
}

}  // namespace bsp
