# mps2-an500: Arm MPS2 with the AN500 image (Cortex-M7) under QEMU; the middleware's Cortex-M7 test bed.
# Same CPU flags as the STM32F746 build, so its instruction counts stand for that chip's code.
set(STRATA_BOARD_CPU cortex-m7f-sp)
set(STRATA_BOARD_CLOCK_PROFILES 25mhz)
set(STRATA_BOARD_QEMU_MACHINE mps2-an500)
set(STRATA_BOARD_LINKER_SCRIPT ${STRATA_ROOT}/bsp/qemu/mps2/mps2.ld)
