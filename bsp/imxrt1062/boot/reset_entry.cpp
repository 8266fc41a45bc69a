// The code the boot ROM jumps to (the IVT entry). It runs from flash before anything is set up: it
// loads the main stack pointer itself (whatever the ROM left in SP) and branches to the common
// Reset_Handler of bsp/cortex_m, which enables the FPU, runs bsp_early_init (FlexRAM, clocks,
// caches), copies the fast code and data, zeroes .bss, runs the constructors and main().
//
// __stack_top is in OCRAM2, which exists at reset whatever the FlexRAM fuses say, so the stack is
// usable before the FlexRAM banks are configured (the vector table's initial SP is the same value).

extern "C" __attribute__((naked, noreturn, used)) void imxrt1062_reset_entry() {
  __asm__ volatile(
      "ldr r0, =__stack_top\n"
      "msr msp, r0\n"
      "b Reset_Handler\n"
      ".ltorg\n");
}
