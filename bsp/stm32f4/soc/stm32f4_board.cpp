// The board contract (bsp/include/bsp/*.hpp) for every STM32F4 board, driven by the board's
// kBoardConfig: console and clocks in the early boot hook, then cycle counter, regions and exit.
#include "board_config.hpp"
#include "board_state.hpp"
#include "bsp/boot_hooks.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "clock_bringup.hpp"
#include "cortex_m/dwt.hpp"
#include "cortex_m/mpu.hpp"
#include "cortex_m/semihosting.hpp"
#include "rcc.hpp"
#include "stm32_watchdog.hpp"
#include "stm32f4_registers.hpp"
#include "strata_config.hpp"
#include "tim2_counter.hpp"
#include "usart.hpp"

extern "C" uint32_t __stack_guard;  // linker script: the 32-byte guard below the stack

namespace bsp::stm32f4 {
namespace {

// Written by the early hook, before .data/.bss exist: .noinit keeps it through their
// initialisation.
BSP_NOINIT ClockResult g_clock;

uint32_t console_pclk_hz(const ClockResult& clock) {
  return kBoardConfig.console.bus == ApbBus::kApb1 ? clock.pclk1_hz : clock.pclk2_hz;
}

// Routes the pins, clocks the USART and enables it at `pclk_hz`.
void start_console(uint32_t pclk_hz) {
  const ConsoleConfig& console = kBoardConfig.console;
  gpio::configure_alternate(console.tx);
  gpio::configure_alternate(console.rx);
  rcc::enable_clock(console.bus == ApbBus::kApb1 ? reg::kRccApb1enr : reg::kRccApb2enr,
                    console.enable_bit);
  usart::init(console.usart, pclk_hz, console.baud);
}

}  // namespace

// The linker scripts put the stack at the start of its RAM, so nothing is mapped under its 32-byte
// MPU guard. A no-access region over the 1 KB below the guard makes an overflow that jumps the
// guard (a frame larger than 32 bytes) a MemManage fault too, not a BusFault. MPU region 6.
void guard_below_stack() {
  const uint32_t guard = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_guard));
  cortex_m::mpu::configure(6, {guard - 1024, 10, cortex_m::mpu::Access::kNone,
                               cortex_m::mpu::MemoryType::kNormalUncached, false});
}

const ClockResult& clock_result() { return g_clock; }
const ClockPlan& clock_plan() { return *kBoardConfig.plan; }

}  // namespace bsp::stm32f4

// The console is up first, at the reset clock (HSI, all buses /1), so input typed while the clocks
// come up is not lost: QEMU's USART model drops what arrives before UE and RE are set. It is set
// again only if the bring-up changed its bus clock.
extern "C" void bsp_early_init() {
  using namespace bsp::stm32f4;
  if (kBoardConfig.has_ccm) rcc::enable_clock(reg::kRccAhb1enr, reg::kAhb1CcmDataRamEn);
  start_console(kHsiHz);
  g_clock = bring_up_clocks(*kBoardConfig.plan);
  const uint32_t pclk_hz = console_pclk_hz(g_clock);
  if (pclk_hz != kHsiHz) {
    usart::init(kBoardConfig.console.usart, pclk_hz, kBoardConfig.console.baud);
  }
}

namespace bsp {

// Clocks and console were brought up by the early boot hook. A stack overflow hits the MPU guard
// regions below the stack: a MemManage report instead of silent corruption (MPU regions 6 and 7;
// enable() also turns the MemManage, BusFault and UsageFault exceptions on). The watchdog (when
// STRATA_WATCHDOG_MS is set) starts last, so its timeout covers only the app.
void board_init() {
  stm32f4::guard_below_stack();
  cortex_m::mpu::guard_stack(7);
  cortex_m::mpu::enable();
  cycle_counter::start();
  stm32::start_watchdog();
}

const char* board_name() { return strata_config::kBoard; }

ClockInfo clock_info() {
  return {stm32f4::g_clock.hclk_hz, stm32f4::kBoardConfig.plan->name,
          stm32f4::clock_note(stm32f4::g_clock.failures)};
}

std::size_t memory_regions(const MemoryRegion** regions) {
  *regions = stm32f4::kBoardConfig.regions;
  return stm32f4::kBoardConfig.region_count;
}

bool board_can_exit() { return stm32f4::kBoardConfig.exits_via_semihosting; }

void board_exit(int code) {
  if (stm32f4::kBoardConfig.exits_via_semihosting) cortex_m::semihosting::exit(code);
  // A real board has nobody to hand the code to (semihosting without a debugger would fault): stop
  // here with interrupts off; the user resets the board.
  __asm__ volatile("cpsid i" ::: "memory");
  for (;;) __asm__ volatile("wfi");
}

namespace console {

void write(const char* data, std::size_t length) {
  const uintptr_t usart = stm32f4::kBoardConfig.console.usart;
  for (std::size_t i = 0; i < length; ++i) {
    stm32f4::usart::put(usart, static_cast<uint8_t>(data[i]));
  }
}

int read_byte() { return stm32f4::usart::get(stm32f4::kBoardConfig.console.usart); }

}  // namespace console

namespace cycle_counter {

namespace {
bool counts_instructions() {
  return stm32f4::kBoardConfig.counter == stm32f4::CounterSource::kQemuTim2Instructions;
}
}  // namespace

void start() {
  if (counts_instructions()) {
    stm32f4::tim2_counter::start(stm32f4::tim2_counter::kQemuInstructionPrescaler);
  } else {
    cortex_m::dwt::start();
  }
}

uint64_t now() {
  if (counts_instructions()) {
    return stm32f4::tim2_counter::ticks();  // one tick per instruction, see tim2_counter.hpp
  }
  return cortex_m::dwt::now();
}

const char* unit() { return counts_instructions() ? "instructions" : "cycles"; }

bool counts_cycles() { return !counts_instructions(); }

}  // namespace cycle_counter
}  // namespace bsp
