// The STM32F746G-DISCO's boot hooks (bsp/include/bsp/boot_hooks.hpp): clocks, caches and MPU in the
// early hook; the SDRAM in the memory hook, so that .data/.bss and an SDRAM arena exist when the C
// runtime starts. Results go to a BSP_NOINIT record; nothing here may rely on initialised globals.
#include <cstdint>

#include "board_config.hpp"
#include "boot_state.hpp"
#include "bsp/boot_hooks.hpp"
#include "bsp/mmio.hpp"
#include "cortex_m/cache.hpp"
#include "cortex_m/registers.hpp"
#include "memory_protection.hpp"
#include "rcc.hpp"
#include "sdram_board.hpp"

extern "C" {
using Vector = void (*)();
extern const Vector g_core_vectors[16];  // bsp/cortex_m/startup.cpp, at the start of flash
extern uint32_t __stack_guard;           // linker script: 32 bytes below the main stack
}

namespace bsp::stm32f746g_disco {
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

}  // namespace bsp::stm32f746g_disco

namespace disco = bsp::stm32f746g_disco;

extern "C" void bsp_early_init() {
  // With the default option bytes the core boots through the ITCM flash alias (0x00200000); name
  // the AXIM copy of the table explicitly (RM0385 boot configuration).
  bsp::mmio::write(cortex_m::reg::kVtor, reinterpret_cast<uintptr_t>(g_core_vectors));
  disco::g_boot.clock = bsp::stm32f7::rcc::configure(disco::config::kClockProfile);
  cortex_m::cache::enable_icache();
  cortex_m::cache::enable_dcache();
  disco::g_boot.mpu_configured = bsp::stm32f7::memory_protection::configure(
      disco::sdram::kBase, disco::sdram::kSizeLog2,
      static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__stack_guard)));
}

extern "C" void bsp_memory_init() {
  disco::g_boot.sdram_status = disco::sdram::bring_up(
      disco::g_boot.clock.tree.hclk_hz, disco::spin_delay_us, &disco::g_boot.sdram_plan);
}
