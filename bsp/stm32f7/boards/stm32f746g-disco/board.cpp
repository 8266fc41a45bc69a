// The board contract (bsp/include/bsp/board.hpp) for the STM32F746G-DISCO.
#include "bsp/board.hpp"

#include "board_config.hpp"
#include "boot_state.hpp"
#include "bsp/cycle_counter.hpp"
#include "console_print.hpp"
#include "cortex_m/barriers.hpp"
#include "stm32_watchdog.hpp"
#include "strata_config.hpp"
#include "usart.hpp"

namespace bsp {
namespace {

// RM0385 memory map; SRAM1 and SRAM2 are contiguous and the linker script uses them as one region.
const MemoryRegion kRegions[] = {
    {"Flash (AXIM)", 0x08000000, 1024u * 1024u}, {"ITCM RAM", 0x00000000, 16u * 1024u},
    {"DTCM", 0x20000000, 64u * 1024u},           {"SRAM1", 0x20010000, 240u * 1024u},
    {"SRAM2", 0x2004C000, 16u * 1024u},          {"SDRAM (FMC)", 0xC0000000, 8u * 1024u * 1024u},
};

constexpr uint32_t kBaud = 115200;

}  // namespace

void board_init() {
  const stm32f746g_disco::BootState& boot = stm32f746g_disco::boot_state();
  stm32f7::usart::init(stm32f746g_disco::config::kConsole, boot.clock.tree.pclk2_hz, kBaud);
  cycle_counter::start();
  if (boot.sdram_status != stm32f7::fmc::SdramStatus::kOk) {
    namespace print = stm32f746g_disco::print;
    print::text("\r\nWARNING: SDRAM not initialised: ");
    print::text(stm32f7::fmc::status_text(boot.sdram_status));
    print::text(stm32f746g_disco::config::kArenaInSdram
                    ? " (the arena is in SDRAM: inference will fault)\r\n"
                    : "\r\n");
  }
  if (!boot.mpu_configured) stm32f746g_disco::print::text("\r\nWARNING: MPU not configured\r\n");
  stm32::start_watchdog();  // last: when STRATA_WATCHDOG_MS is set, its timeout covers only the app
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() {
  const stm32f7::rcc::ClockResult& clock = stm32f746g_disco::boot_state().clock;
  const char* note = clock.status == stm32f7::rcc::ClockStatus::kOk
                         ? stm32f746g_disco::config::kClockProfile.note
                         : stm32f7::rcc::status_text(clock.status);
  return {clock.tree.hclk_hz, strata_config::kClockProfile, note};
}

std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = kRegions;
  return sizeof(kRegions) / sizeof(kRegions[0]);
}

bool board_can_exit() { return false; }

// A real board has nowhere to return to: let the console drain, then sleep until reset.
void board_exit(int) {
  stm32f7::usart::flush(stm32f746g_disco::config::kConsole);
  cortex_m::dsb();
  for (;;) {
#if defined(__arm__)
    __asm__ volatile("wfi");
#endif
  }
}

}  // namespace bsp
