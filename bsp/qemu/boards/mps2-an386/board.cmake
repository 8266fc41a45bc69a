# mps2-an386: Arm MPS2 with the AN386 image (Cortex-M4) under QEMU; the middleware's Cortex-M4 test bed.
# The board code is the MPS2 one both images share (CMSDK UART and timer); this folder holds the data.
set(STRATA_BOARD_SOC ${STRATA_ROOT}/bsp/qemu/mps2)
set(STRATA_BOARD_CPU cortex-m4f)
set(STRATA_BOARD_CLOCK_PROFILES 25mhz)
set(STRATA_BOARD_QEMU_MACHINE mps2-an386)
set(STRATA_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/mps2-an386.ld)
set(STRATA_BOARD_LINKER_DIRS ${STRATA_ROOT}/bsp/qemu/mps2)
# Sizes the build checks a model against (bytes): the arena region (SSRAM2/3, shared with .data, .bss and
# the stack) and the image region (SSRAM1).
set(STRATA_BOARD_ARENA_BYTES 4063232)
set(STRATA_BOARD_FLASH_BYTES 4194304)
