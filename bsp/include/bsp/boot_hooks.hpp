// Boot hooks: the board's part of the reset sequence (bsp/cortex_m/startup.cpp calls them).
//
// Order (docs/architecture.md, section 2): stack and vector table -> bsp_early_init (clocks,
// caches, FlexRAM) -> bsp_memory_init (external RAM such as SDRAM) -> copy .data and fast code,
// zero .bss -> constructors -> main. Both hooks run before .data/.bss exist: they may only touch
// registers, the stack, and variables placed with BSP_NOINIT. Every wait on hardware inside them
// must be bounded.
#pragma once

// Survives the .data/.bss initialisation; for results of the early hooks (e.g. the clock reached).
#define BSP_NOINIT __attribute__((section(".noinit")))

extern "C" {
void bsp_early_init();
void bsp_memory_init();
}
