// Memory placement attributes of the board contract.
//
// Code and data ask for a kind of memory, and each board's linker script maps the kind to its
// fastest fitting region: fast code to ITCM RAM, fast data to DTCM, large data to SDRAM or OCRAM. A
// board without such memory maps them to ordinary flash/RAM, so the attributes are always safe to
// use. The middleware never uses these: boards place middleware code by library name in their
// linker scripts.
#pragma once

// Code copied at boot into the board's fastest instruction memory.
#define BSP_FAST_CODE __attribute__((section(".fast_code"), noinline))
// Initialised data copied at boot into the fastest data memory.
#define BSP_FAST_DATA __attribute__((section(".fast_data")))
// Zero-initialised data in the fastest data memory.
#define BSP_FAST_BSS __attribute__((section(".fast_bss")))
// Large buffers, not zeroed at boot, in the biggest data memory (SDRAM/OCRAM where the board has
// it).
#define BSP_LARGE_DATA __attribute__((section(".large_data")))
// The inference arena: the board (and its preset) chooses the region; not zeroed at boot.
#define BSP_ARENA __attribute__((section(".arena"), aligned(16)))
