// The STM32F746G-DISCO's shell commands: `sdram` (RAM test of the external SDRAM) and `clocks` (the
// clock tree the chip really runs, and the SDRAM controller values derived from it).
#include "bsp/board_commands.hpp"

#include "board_config.hpp"
#include "boot_state.hpp"
#include "console_print.hpp"
#include "memory_test.hpp"
#include "rcc.hpp"
#include "sdram_board.hpp"

extern "C" char __sdram_free_start;  // linker script: first SDRAM byte no section uses

namespace bsp {
namespace {

namespace disco = stm32f746g_disco;
namespace print = stm32f746g_disco::print;

// Tests the SDRAM the firmware does not use (the arena and large buffers stay intact), so it can
// run between inferences. Machine-readable line: @sdram status=<pass|fail|off> bytes=<n> ...
void run_sdram(std::size_t, const char* const*) {
  const disco::BootState& boot = disco::boot_state();
  if (boot.sdram_status != stm32f7::fmc::SdramStatus::kOk) {
    print::text("sdram: not initialised (");
    print::text(stm32f7::fmc::status_text(boot.sdram_status));
    print::text(")\r\n@sdram status=off\r\n");
    return;
  }
  const uintptr_t start = reinterpret_cast<uintptr_t>(&__sdram_free_start);
  const uintptr_t end = disco::sdram::kBase + disco::sdram::kSize;
  const uint32_t bytes = start < end ? static_cast<uint32_t>(end - start) : 0;
  print::text("sdram: testing ");
  print::decimal(bytes / 1024);
  print::text(" KB from ");
  print::hex(static_cast<uint32_t>(start));
  print::text(" (walking ones, address-in-address, complement)\r\n");
  const stm32f7::memory_test::Result result = stm32f7::memory_test::run(start, bytes);
  if (result.passed) {
    print::text("sdram: PASS\r\n@sdram status=pass bytes=");
    print::decimal(result.bytes_tested);
    print::text("\r\n");
    return;
  }
  print::text("sdram: FAIL in ");
  print::text(result.test);
  print::text(" at ");
  print::hex(static_cast<uint32_t>(result.address));
  print::text(": wrote ");
  print::hex(result.expected);
  print::text(", read ");
  print::hex(result.actual);
  print::text("\r\n@sdram status=fail test=");
  print::text(result.test);
  print::text(" address=");
  print::hex(static_cast<uint32_t>(result.address));
  print::text("\r\n");
}

void line(const char* name, uint32_t hz) {
  print::text(name);
  print::mhz(hz);
  print::text("\r\n");
}

void run_clocks(std::size_t, const char* const*) {
  const disco::BootState& boot = disco::boot_state();
  const stm32f7::rcc::ClockTree now = stm32f7::rcc::read_clock_tree();
  print::text("profile: ");
  print::text(disco::config::kClockProfile.name);
  print::text(boot.clock.status == stm32f7::rcc::ClockStatus::kOk ? " (reached)\r\n"
                                                                  : " (NOT reached)\r\n");
  if (boot.clock.status != stm32f7::rcc::ClockStatus::kOk) {
    print::text("status:  ");
    print::text(stm32f7::rcc::status_text(boot.clock.status));
    print::text("\r\n");
  }
  line("SYSCLK:  ", now.sysclk_hz);
  line("HCLK:    ", now.hclk_hz);
  line("PCLK1:   ", now.pclk1_hz);
  line("PCLK2:   ", now.pclk2_hz);
  if (boot.sdram_plan.valid) {
    line("SDCLK:   ", boot.sdram_plan.sdclk_hz);
    print::text("SDRAM refresh count: ");
    print::decimal(boot.sdram_plan.refresh_count);
    print::text("\r\n");
  }
  print::text("@clocks sysclk_hz=");
  print::decimal(now.sysclk_hz);
  print::text(" pclk2_hz=");
  print::decimal(now.pclk2_hz);
  print::text("\r\n");
}

const BoardCommand kCommands[] = {
    {"sdram", "sdram", "test the unused part of the 8 MB SDRAM", run_sdram},
    {"clocks", "clocks", "clock tree, SDRAM clock and refresh count", run_clocks},
};

}  // namespace

std::size_t board_commands(const BoardCommand** commands) {
  *commands = kCommands;
  return sizeof(kCommands) / sizeof(kCommands[0]);
}

}  // namespace bsp
