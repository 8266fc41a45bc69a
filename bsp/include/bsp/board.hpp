// The board contract: what every board gives the app, whatever the chip.
//
// A board brings the core up before main() (boot hooks in boot_hooks.hpp), then board_init() starts
// the console and the cycle counter. The app asks the board for its name, the clock it really runs
// at (after any fallback), its memory regions and how to end a run. Nothing here depends on the
// middleware.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bsp {

// The clock the core really runs at, and why, so the banner never claims a clock the chip is not
// at.
struct ClockInfo {
  uint32_t core_hz;
  const char* profile;  // the profile asked for, e.g. "216mhz"
  const char* note;  // "" when as asked; otherwise what happened, e.g. "HSE timeout: HSI fallback"
};

// A memory region the board offers, for the `info` command.
struct MemoryRegion {
  const char* name;  // e.g. "DTCM"
  uint32_t start;
  uint32_t size;
};

// Starts the console and the cycle counter. Called once by the app, after constructors.
void board_init();

const char* board_name();
ClockInfo clock_info();

// The regions of this board; returns their count and points `regions` at a static table.
std::size_t memory_regions(const MemoryRegion** regions);

// True when board_exit() really ends the run (virtual boards: the exit code reaches the host).
bool board_can_exit();

// Ends the run with `code`: on virtual boards QEMU exits with it; on real boards the core halts.
[[noreturn]] void board_exit(int code);

}  // namespace bsp
