# A board variant: the Cortex-M7 virtual board with a 64 KB stack, reusing Strata's MPS2 board code.
set(STRATA_BOARD_CPU cortex-m7f-sp)
set(STRATA_BOARD_CLOCK_PROFILES 25mhz)
set(STRATA_BOARD_QEMU_MACHINE mps2-an500)
set(STRATA_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/bigstack.ld)
set(STRATA_BOARD_LINKER_DIRS ${STRATA_ROOT}/bsp/qemu/mps2)
set(STRATA_BOARD_ARENA_BYTES 4063232)
set(STRATA_BOARD_FLASH_BYTES 4194304)
