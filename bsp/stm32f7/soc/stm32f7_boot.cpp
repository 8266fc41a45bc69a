// The STM32F7 boards' boot hooks (bsp/include/bsp/boot_hooks.hpp): clocks, caches and MPU in the
// early hook; the board's SDRAM in the memory hook, so that .data/.bss and an SDRAM arena exist
// when the C runtime starts. Results go to a BSP_NOINIT record; nothing here may rely on
// initialised globals. What differs per board comes from its kBoardConfig (constant data in flash).
#include <cstdint>

#include "board_config.hpp"
#include "boot_state.hpp"
#include "bsp/boot_hooks.hpp"
#include "bsp/mmio.hpp"
#include "cortex_m/cache.hpp"
#include "cortex_m/registers.hpp"
#include "memory_protection.hpp"
#include "rcc.hpp"

extern "C" {
using Vector = void (*)();
extern const Vector g_core_vectors[16];  // bsp/cortex_m/startup.cpp, at the start of flash
extern uint32_t __stack_guard;           // linker script: 32 bytes below the main stack
}

namespace bsp::stm32f7 {
namespace {

BSP_NOINIT BootState g_boot;

// At least one core cycle per iteration, so hclk/1e6 iterations per microsecond wait at least that
// long, whatever the clock (it is only used for the SDRAM's 100 us power-up pause).
void spin_delay_us(uint32_t us) {
  const uint32_t per_us = g_boot.clock.tree.hclk_hz / 1000000u + 1u;
  for (uint32_t i = 0; i < us * per_us; ++i) __asm__ volatile("nop");
}

}  // namespace

const BootState& boot_state() { return g_boot; }

}  // namespace bsp::stm32f7

namespace f7 = bsp::stm32f7;

extern "C" void bsp_early_init() {
  // With the default option bytes the core boots through the ITCM flash alias (0x00200000); name
  // the AXIM copy of the table explicitly (RM0385 boot configuration).
  bsp::mmio::write(cortex_m::reg::kVtor, reinterpret_cast<uintptr_t>(g_core_vectors));
  f7::g_boot.clock = f7::rcc::configure(*f7::kBoardConfig.clock);
  cortex_m::cache::enable_icache();
  cortex_m::cache::enable_dcache();
  f7::g_boot.mpu_configured = f7::memory_protection::configure(
      f7::kBoardConfig.sdram.base, f7::kBoardConfig.sdram.size_log2,
      static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_guard)));
}

extern "C" void bsp_memory_init() {
  f7::g_boot.sdram_status = f7::kBoardConfig.sdram.bring_up(
      f7::g_boot.clock.tree.hclk_hz, f7::spin_delay_us, &f7::g_boot.sdram_plan);
}
