// The Teensy 4.0 board contract: LPUART2 console on pins 14 (TX) / 15 (RX) at 115200 8N1 from the
// 24 MHz UART clock root, the DWT cycle counter, and the clock the early hook really reached.
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "cortex_m/dwt.hpp"
#include "soc/arm_clock.hpp"
#include "soc/ccm.hpp"
#include "soc/imxrt1062_registers.hpp"
#include "soc/iomuxc.hpp"
#include "soc/lpuart.hpp"
#include "strata_config.hpp"
#include "teensy40_boot_record.hpp"
#include "teensy40_watchdog.hpp"

namespace bsp {
namespace {

constexpr uintptr_t kConsole = imxrt1062::reg::kLpuart2;
constexpr uint32_t kBaud = 115200;
// One byte takes 87 us at 115200 Bd; this many status reads is several bytes' time at any clock,
// so a stuck transmitter drops bytes instead of hanging the firmware.
constexpr uint32_t kTxPolls = 200000;

const MemoryRegion kRegions[] = {
    {"ITCM (FlexRAM)", 0x00000000, 512u * 1024},
    {"DTCM (FlexRAM)", 0x20000000, 512u * 1024},
    {"OCRAM2", 0x20200000, 512u * 1024},
    {"FlexSPI NOR", 0x60000000, 2u * 1024 * 1024},
};

void start_console() {
  using namespace imxrt1062;  // NOLINT: local to this function
  ccm::select_uart_root_osc();
  ccm::gate_on(reg::kGateLpuart2);
  // Receiver pad first (Teensy's order), so the line is sampled through the right pad once enabled.
  iomuxc::apply(iomuxc::kLpuart2RxPin15);
  iomuxc::apply(iomuxc::kLpuart2TxPin14);
  lpuart::init(kConsole, ccm::kUartRootHz, kBaud);
  teensy40::g_boot_record.console_ready = true;
}

bool console_ready() { return teensy40::g_boot_record.console_ready; }

}  // namespace

void board_init() {
  start_console();
  cycle_counter::start();
  teensy40::start_watchdog();  // last: when STRATA_WATCHDOG_MS is set, its timeout covers the app
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() {
  const teensy40::BootRecord& boot = teensy40::g_boot_record;
  return {boot.core_hz, strata_config::kClockProfile,
          imxrt1062::arm_clock::describe(boot.clock_outcome)};
}

std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = kRegions;
  return sizeof(kRegions) / sizeof(kRegions[0]);
}

bool board_can_exit() { return false; }

void board_exit(int) {
  // Let the last message leave the UART, then stop; the user resets the board.
  if (console_ready()) (void)imxrt1062::lpuart::flush(kConsole, kTxPolls);
  for (;;) __asm__ volatile("wfi");
}

namespace console {

void write(const char* data, std::size_t length) {
  if (!console_ready()) return;
  for (std::size_t i = 0; i < length; ++i) {
    (void)imxrt1062::lpuart::put(kConsole, static_cast<uint8_t>(data[i]), kTxPolls);
  }
}

int read_byte() { return console_ready() ? imxrt1062::lpuart::get(kConsole) : -1; }

}  // namespace console

namespace cycle_counter {

void start() { cortex_m::dwt::start(); }
uint64_t now() { return cortex_m::dwt::now(); }
const char* unit() { return "cycles"; }
bool counts_cycles() { return true; }

}  // namespace cycle_counter
}  // namespace bsp
