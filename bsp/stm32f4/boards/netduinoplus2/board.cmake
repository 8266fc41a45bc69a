# netduinoplus2: the Netduino Plus 2 (STM32F405RG) as QEMU 7.2 models it - the virtual board on which the
# real STM32F4 SoC code runs. QEMU has no RCC model, so the clock bring-up times out and falls back to
# the HSI (and the banner says so); there is no DWT, so the cycle counter is TIM2 converted to executed
# instructions (-icount shift=6). Console: USART1 = QEMU's first serial port (QEMU 7.2
# hw/arm/stm32f405_soc.c).
set(STRATA_BOARD_CPU cortex-m4f)
set(STRATA_BOARD_SOURCES ${CMAKE_CURRENT_LIST_DIR}/board_config.cpp)
set(STRATA_BOARD_CLOCK_PROFILES 168mhz)
set(STRATA_BOARD_QEMU_MACHINE netduinoplus2)
set(STRATA_BOARD_LINKER_SCRIPT ${STRATA_ROOT}/bsp/stm32f4/soc/ld/stm32f405_qemu.ld)

# What the build checks a model against (cmake/StrataModel.cmake): the arena shares the 128 KB SRAM with
# the 16 KB stack and about 4 KB of .data/.bss; the linker script has the last word.
set(STRATA_BOARD_ARENA_BYTES 110592)
set(STRATA_BOARD_FLASH_BYTES 1048576)
set(STM32F4_FLASH_REGION FLASH=0x08000000:1024K)
set(STM32F4_RAM_REGIONS SRAM=0x20000000:128K)
set(STM32F4_STACK_ORIGIN 0x20000000)
set(STM32F4_PLACEMENT .isr_vector=FLASH .text=FLASH .data=SRAM .bss=SRAM .noinit=SRAM
                      .arena=SRAM .stack=SRAM)
set(STM32F4_QEMU_TESTS ${STRATA_ROOT}/tests/bsp/stm32f4/qemu/netduinoplus2_tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/Stm32f4Board.cmake)
