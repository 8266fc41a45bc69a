# A board variant: the Cortex-M7 virtual board with a 64 KB main stack. Everything else is Strata's
# mps2-an500 (its SoC code, memory map, CPU, QEMU machine); this file only says what differs.
include(${STRATA_ROOT}/bsp/qemu/boards/mps2-an500/board.cmake)
set(STRATA_BOARD_STACK_BYTES 0x10000)
