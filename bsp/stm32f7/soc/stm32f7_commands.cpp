// The STM32F7 boards' shell commands: `sdram` (RAM test of the board's external SDRAM) and `clocks`
// (the clock tree the chip really runs, and the SDRAM controller values derived from it).
#include "board_config.hpp"
#include "boot_state.hpp"
#include "bsp/board_commands.hpp"
#include "cortex_m/console_text.hpp"
#include "memory_test.hpp"
#include "rcc.hpp"

extern "C" char __sdram_free_start;  // linker script: first SDRAM byte no section uses

namespace bsp {
namespace {

namespace f7 = stm32f7;
namespace print = cortex_m::console_text;

// Tests the SDRAM the firmware does not use (the arena and large buffers stay intact), so it can
// run between inferences. Machine-readable line: @sdram status=<pass|fail|off> bytes=<n> ...
void run_sdram(std::size_t, const char* const*) {
  const f7::BootState& boot = f7::boot_state();
  if (boot.sdram_status != f7::fmc::SdramStatus::kOk) {
    print::put("sdram: not initialised (");
    print::put(f7::fmc::status_text(boot.sdram_status));
    print::put(")\r\n@sdram status=off\r\n");
    return;
  }
  const uintptr_t start = reinterpret_cast<uintptr_t>(&__sdram_free_start);
  const uintptr_t end =
      f7::kBoardConfig.sdram.base + (uintptr_t{1} << f7::kBoardConfig.sdram.size_log2);
  const uint32_t bytes = start < end ? static_cast<uint32_t>(end - start) : 0;
  print::put("sdram: testing ");
  print::put_decimal(bytes / 1024);
  print::put(" KB from ");
  print::put_hex(static_cast<uint32_t>(start));
  print::put(" (walking ones, address-in-address, complement)\r\n");
  const f7::memory_test::Result result = f7::memory_test::run(start, bytes);
  if (result.passed) {
    print::put("sdram: PASS\r\n@sdram status=pass bytes=");
    print::put_decimal(result.bytes_tested);
    print::put("\r\n");
    return;
  }
  print::put("sdram: FAIL in ");
  print::put(result.test);
  print::put(" at ");
  print::put_hex(static_cast<uint32_t>(result.address));
  print::put(": wrote ");
  print::put_hex(result.expected);
  print::put(", read ");
  print::put_hex(result.actual);
  print::put("\r\n@sdram status=fail test=");
  print::put(result.test);
  print::put(" address=");
  print::put_hex(static_cast<uint32_t>(result.address));
  print::put("\r\n");
}

void line(const char* name, uint32_t hz) {
  print::put(name);
  print::put_mhz(hz);
  print::put("\r\n");
}

void run_clocks(std::size_t, const char* const*) {
  const f7::BootState& boot = f7::boot_state();
  const f7::rcc::ClockTree now = f7::rcc::read_clock_tree();
  print::put("profile: ");
  print::put(f7::kBoardConfig.clock->name);
  print::put(boot.clock.status == f7::rcc::ClockStatus::kOk ? " (reached)\r\n"
                                                            : " (NOT reached)\r\n");
  if (boot.clock.status != f7::rcc::ClockStatus::kOk) {
    print::put("status:  ");
    print::put(f7::rcc::status_text(boot.clock.status));
    print::put("\r\n");
  }
  line("SYSCLK:  ", now.sysclk_hz);
  line("HCLK:    ", now.hclk_hz);
  line("PCLK1:   ", now.pclk1_hz);
  line("PCLK2:   ", now.pclk2_hz);
  if (boot.sdram_plan.valid) {
    line("SDCLK:   ", boot.sdram_plan.sdclk_hz);
    print::put("SDRAM refresh count: ");
    print::put_decimal(boot.sdram_plan.refresh_count);
    print::put("\r\n");
  }
  print::put("@clocks sysclk_hz=");
  print::put_decimal(now.sysclk_hz);
  print::put(" pclk2_hz=");
  print::put_decimal(now.pclk2_hz);
  print::put("\r\n");
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
