# mps2-an386: Arm MPS2 with the AN386 image (Cortex-M4) under QEMU; the middleware's Cortex-M4 test bed.
set(STRATA_BOARD_CPU cortex-m4f)
set(STRATA_BOARD_CLOCK_PROFILES 25mhz)
set(STRATA_BOARD_QEMU_MACHINE mps2-an386)
set(STRATA_BOARD_LINKER_SCRIPT ${STRATA_ROOT}/bsp/qemu/mps2/mps2.ld)
