# NUCLEO-F411RE: STM32F411RE at 100 MHz from the 8 MHz clock the ST-LINK feeds to OSC_IN (HSE bypass).
# The console is USART2 on PA2/PA3, wired to the ST-LINK/V2-1 virtual COM port (UM1724, NUCLEO-64
# user manual), so the board's USB cable carries both flashing and the terminal.
# Clock profiles: 100mhz (the chip's maximum) and 96mhz (an exact 48 MHz USB clock, as Zephyr runs it).
set(STRATA_BOARD_CPU cortex-m4f)
set(STRATA_BOARD_SOURCES ${CMAKE_CURRENT_LIST_DIR}/board_config.cpp)
set(STRATA_BOARD_CLOCK_PROFILES 100mhz 96mhz)
set(STRATA_BOARD_LINKER_SCRIPT ${STRATA_ROOT}/bsp/stm32f4/soc/ld/stm32f411.ld)

# What the build checks a model against (cmake/StrataModel.cmake): the arena shares the 128 KB SRAM with
# the 16 KB stack and about 4 KB of .data/.bss; the linker script has the last word.
set(STRATA_BOARD_ARENA_BYTES 110592)
set(STRATA_BOARD_FLASH_BYTES 524288)
set(STM32F4_FLASH_REGION FLASH=0x08000000:512K)
set(STM32F4_RAM_REGIONS SRAM=0x20000000:128K)
set(STM32F4_STACK_ORIGIN 0x20000000)
set(STM32F4_PLACEMENT .isr_vector=FLASH .text=FLASH .data=SRAM .bss=SRAM .noinit=SRAM
                      .arena=SRAM .stack=SRAM)
# The IWDG (bsp/stm32/iwdg.hpp) counts up to 32768 ms at its nominal 32 kHz LSI (STRATA_WATCHDOG_MS).
set(STRATA_BOARD_WATCHDOG_MAX_MS 32768)
set(STM32F4_OPENOCD_CONFIG board/st_nucleo_f4.cfg)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/Stm32f4Board.cmake)
