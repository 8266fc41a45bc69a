# mps2-an500: Arm MPS2 with the AN500 image (Cortex-M7) under QEMU; the middleware's Cortex-M7 test bed.
# Same CPU flags as the STM32F746 build, so its instruction counts stand for that chip's code.
# The board code is the MPS2 one both images share (CMSDK UART and timer); this folder holds the data.
set(STRATA_BOARD_SOC ${STRATA_ROOT}/bsp/qemu/mps2)
set(STRATA_BOARD_CPU cortex-m7f-sp)
set(STRATA_BOARD_CLOCK_PROFILES 25mhz)
set(STRATA_BOARD_QEMU_MACHINE mps2-an500)
set(STRATA_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/mps2-an500.ld)
set(STRATA_BOARD_LINKER_DIRS ${STRATA_ROOT}/bsp/qemu/mps2)
# Sizes the build checks a model against (bytes): the arena region (SSRAM2/3, shared with .data, .bss and
# the stack) and the image region (SSRAM1).
set(STRATA_BOARD_ARENA_BYTES 4063232)
set(STRATA_BOARD_FLASH_BYTES 4194304)
