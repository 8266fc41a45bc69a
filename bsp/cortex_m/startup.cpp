// Reset handler and the core part of the vector table.
//
// The sequence (docs/architecture.md, section 2): the core loads SP and the reset vector from the
// table; we enable the FPU (hard-float code may touch it anywhere), run the board's early hook
// (clocks, caches, FlexRAM), its memory hook (SDRAM), then copy every initialised region and zero
// every .bss-like region listed by the linker script's tables, run the constructors and call
// main().
#include <cstdint>

#include "bsp/board.hpp"
#include "bsp/boot_hooks.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/registers.hpp"

extern "C" {
int main();
void __libc_init_array();

// Provided by the linker script (bsp/cortex_m/ld/sections.ld).
extern uint32_t __stack_top;
extern const uint32_t __copy_table_start[];
extern const uint32_t __copy_table_end[];
extern const uint32_t __zero_table_start[];
extern const uint32_t __zero_table_end[];

void Reset_Handler();
void NMI_Handler();
void HardFault_Handler();
void MemManage_Handler();
void BusFault_Handler();
void UsageFault_Handler();
void SVC_Handler();
void DebugMon_Handler();
void PendSV_Handler();
void SysTick_Handler();

// Boards override these; the defaults do nothing.
__attribute__((weak)) void bsp_early_init() {}
__attribute__((weak)) void bsp_memory_init() {}

// No C runtime start files are linked (-nostartfiles), so the init/fini hooks newlib calls are
// ours.
void _init() {}
void _fini() {}
}

namespace {

// Word-wise copy/zero: the linker script aligns every region to 4 bytes. Plain loops, because
// memcpy may not be usable before .data exists.
void copy_regions() {
  for (const uint32_t* entry = __copy_table_start; entry < __copy_table_end; entry += 3) {
    const uint32_t* src = reinterpret_cast<const uint32_t*>(entry[0]);
    uint32_t* dst = reinterpret_cast<uint32_t*>(entry[1]);
    for (uint32_t words = entry[2] / 4; words > 0; --words) *dst++ = *src++;
  }
}

void zero_regions() {
  for (const uint32_t* entry = __zero_table_start; entry < __zero_table_end; entry += 2) {
    uint32_t* dst = reinterpret_cast<uint32_t*>(entry[0]);
    for (uint32_t words = entry[1] / 4; words > 0; --words) *dst++ = 0;
  }
}

void enable_fpu() {
#if defined(__ARM_FP)
  volatile uint32_t* cpacr = reinterpret_cast<volatile uint32_t*>(cortex_m::reg::kCpacr);
  *cpacr = *cpacr | (0xFu << 20);  // CP10 and CP11: full access
  cortex_m::dsb();
  cortex_m::isb();
#endif
}

}  // namespace

extern "C" void Reset_Handler() {
  enable_fpu();
  bsp_early_init();
  bsp_memory_init();
  copy_regions();
  zero_regions();
  __libc_init_array();
  bsp::board_exit(main());
}

extern "C" void Default_Handler() {
  // An exception nobody expects: report it like a fault so it is never silent.
  HardFault_Handler();
}

#define STRATA_WEAK_HANDLER(name) \
  extern "C" __attribute__((weak, alias("Default_Handler"))) void name()
STRATA_WEAK_HANDLER(NMI_Handler);
STRATA_WEAK_HANDLER(SVC_Handler);
STRATA_WEAK_HANDLER(DebugMon_Handler);
STRATA_WEAK_HANDLER(PendSV_Handler);
STRATA_WEAK_HANDLER(SysTick_Handler);

using Vector = void (*)();

// The 16 core entries. Strata runs without interrupts (the console and counters are polled), so no
// device vectors follow; a board needing them adds a `.isr_vector.device` section after this one.
extern "C" __attribute__((section(".isr_vector"), used)) const Vector g_core_vectors[16] = {
    reinterpret_cast<Vector>(&__stack_top),
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    SVC_Handler,
    DebugMon_Handler,
    nullptr,
    PendSV_Handler,
    SysTick_Handler,
};
