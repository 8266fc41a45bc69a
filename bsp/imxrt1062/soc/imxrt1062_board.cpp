// The board contract (bsp/include/bsp/*.hpp) for every i.MX RT1062 board, driven by the board's
// kBoardConfig: the console LPUART from the 24 MHz UART clock root, the DWT cycle counter, and the
// clock the early hook really reached.
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "cortex_m/dwt.hpp"
#include "soc/arm_clock.hpp"
#include "soc/board_config.hpp"
#include "soc/boot_record.hpp"
#include "soc/ccm.hpp"
#include "soc/imxrt1062_watchdog.hpp"
#include "soc/iomuxc.hpp"
#include "soc/lpuart.hpp"
#include "strata_config.hpp"

namespace bsp {
namespace {

const imxrt1062::ConsoleConfig& console_config() { return imxrt1062::kBoardConfig.console; }

// One byte takes 87 us at 115200 Bd; this many status reads is several bytes' time at any clock,
// so a stuck transmitter drops bytes instead of hanging the firmware.
constexpr uint32_t kTxPolls = 200000;

void start_console() {
  using namespace imxrt1062;  // NOLINT: local to this function
  const ConsoleConfig& console = console_config();
  ccm::select_uart_root_osc();
  ccm::gate_on(console.gate);
  // Receiver pad first (Teensy's order), so the line is sampled through the right pad once enabled.
  iomuxc::apply(*console.rx);
  iomuxc::apply(*console.tx);
  lpuart::init(console.lpuart, ccm::kUartRootHz, console.baud);
  g_boot_record.console_ready = true;
}

bool console_ready() { return imxrt1062::g_boot_record.console_ready; }

}  // namespace

void board_init() {
  start_console();
  cycle_counter::start();
  imxrt1062::start_watchdog();  // last: when STRATA_WATCHDOG_MS is set, its timeout covers the app
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() {
  const imxrt1062::BootRecord& boot = imxrt1062::g_boot_record;
  return {boot.core_hz, strata_config::kClockProfile,
          imxrt1062::arm_clock::describe(boot.clock_outcome)};
}

std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = imxrt1062::kBoardConfig.regions;
  return imxrt1062::kBoardConfig.region_count;
}

bool board_can_exit() { return false; }

void board_exit(int) {
  // Let the last message leave the UART, then stop; the user resets the board.
  if (console_ready()) (void)imxrt1062::lpuart::flush(console_config().lpuart, kTxPolls);
  for (;;) __asm__ volatile("wfi");
}

namespace console {

void write(const char* data, std::size_t length) {
  if (!console_ready()) return;
  const uintptr_t lpuart = console_config().lpuart;
  for (std::size_t i = 0; i < length; ++i) {
    (void)imxrt1062::lpuart::put(lpuart, static_cast<uint8_t>(data[i]), kTxPolls);
  }
}

int read_byte() { return console_ready() ? imxrt1062::lpuart::get(console_config().lpuart) : -1; }

}  // namespace console

namespace cycle_counter {

void start() { cortex_m::dwt::start(); }
uint64_t now() { return cortex_m::dwt::now(); }
const char* unit() { return "cycles"; }
bool counts_cycles() { return true; }

}  // namespace cycle_counter
}  // namespace bsp
