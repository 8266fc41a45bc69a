// The MPS2 virtual boards (QEMU mps2-an500 / mps2-an386): the board contract on CMSDK peripherals.
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "cmsdk_timer.hpp"
#include "cmsdk_uart.hpp"
#include "cortex_m/mpu.hpp"
#include "cortex_m/semihosting.hpp"
#include "strata_config.hpp"

namespace bsp {
namespace {

constexpr uint32_t kBoardClockHz = 25000000;  // MPS2 SYSCLK as QEMU models it

extern "C" const uint8_t __mps2_psram_origin[];  // linker script: PSRAM differs by image

const MemoryRegion kRegions[] = {
    {"SSRAM1 (code)", 0x00000000, 4u << 20},
    {"SSRAM2/3 (data)", 0x20000000, 4u << 20},
    {"PSRAM", 0, 16u << 20},  // start filled in from the linker script
};
MemoryRegion g_regions[3];

}  // namespace

void board_init() {
  cmsdk_uart::init(cmsdk_uart::kUart0, kBoardClockHz, 115200);
  // A stack overflow hits the guard region: a MemManage report instead of silent corruption.
  cortex_m::mpu::guard_stack(7);
  cortex_m::mpu::enable();
  cycle_counter::start();
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() { return {kBoardClockHz, strata_config::kClockProfile, ""}; }

std::size_t memory_regions(const MemoryRegion** regions) {
  for (int i = 0; i < 3; ++i) g_regions[i] = kRegions[i];
  g_regions[2].start = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(__mps2_psram_origin));
  *regions = g_regions;
  return sizeof(kRegions) / sizeof(kRegions[0]);
}

bool board_can_exit() { return true; }

void board_exit(int code) { cortex_m::semihosting::exit(code); }

namespace console {

void write(const char* data, std::size_t length) {
  for (std::size_t i = 0; i < length; ++i) cmsdk_uart::put(cmsdk_uart::kUart0, data[i]);
}

int read_byte() { return cmsdk_uart::get(cmsdk_uart::kUart0); }

}  // namespace console

namespace cycle_counter {

void start() { cmsdk_timer::start(cmsdk_timer::kTimer0); }

// 40 ns timer ticks to 64 ns instructions. A read at instruction n (counted from the timer start)
// sees ticks = floor(8n / 5); as 8/5 > 1 that map is one-to-one, so n = ceil(5 * ticks / 8)
// recovers the instruction count exactly (no +-1 rounding between two readings).
uint64_t now() { return (cmsdk_timer::ticks(cmsdk_timer::kTimer0) * 5 + 7) / 8; }

const char* unit() { return "instructions"; }

bool counts_cycles() { return false; }

}  // namespace cycle_counter
}  // namespace bsp
