# stm32f746g-disco: ST's STM32F746G-DISCO (STM32F746NGH6 Cortex-M7, 1 MB flash, 320 KB RAM, 8 MB SDRAM).
#
# Sets what cmake/StrataFirmwareBuild.cmake requires (CPU, clock profiles, linker script) and defines
# strata_board_firmware_hook(), which gives every firmware flash / flash-openocd / debug targets and an
# ELF check test. Options (cache variables, also set by the presets):
#   STRATA_CLOCK_PROFILE  216mhz (default, ST's in-spec maximum) | 288mhz (overclock, out of spec)
#   STRATA_F7_CONSOLE     usart1 (default: ST-LINK virtual COM port) | usart6 (Arduino D1/D0)
#   STRATA_F7_ARENA       sram (default) | sdram (the inference arena in the external SDRAM)
set(STRATA_BOARD_CPU cortex-m7f-sp)
set(STRATA_BOARD_CLOCK_PROFILES 216mhz 288mhz)
set(STRATA_F7_BOARD_DIR ${CMAKE_CURRENT_LIST_DIR})

set(STRATA_F7_CONSOLE "usart1" CACHE STRING
    "STM32F746G-DISCO console: usart1 (ST-LINK VCP, PA9/PB7) | usart6 (Arduino D1/D0, PC6/PC7)")
set_property(CACHE STRATA_F7_CONSOLE PROPERTY STRINGS usart1 usart6)
set(STRATA_F7_ARENA "sram" CACHE STRING "STM32F746G-DISCO arena placement: sram | sdram")
set_property(CACHE STRATA_F7_ARENA PROPERTY STRINGS sram sdram)
foreach(option STRATA_F7_CONSOLE STRATA_F7_ARENA)
  get_property(valid CACHE ${option} PROPERTY STRINGS)
  if(NOT ${option} IN_LIST valid)
    list(JOIN valid ", " valid)
    message(FATAL_ERROR "Unknown ${option}='${${option}}' for board stm32f746g-disco. "
                        "Valid values: ${valid}")
  endif()
endforeach()
set(STRATA_BOARD_LINKER_SCRIPT ${STRATA_F7_BOARD_DIR}/ld/stm32f746g-disco-arena-${STRATA_F7_ARENA}.ld)
# The IWDG (bsp/stm32/iwdg.hpp) counts up to 32768 ms at its nominal 32 kHz LSI (STRATA_WATCHDOG_MS).
set(STRATA_BOARD_WATCHDOG_MAX_MS 32768)

include(${STRATA_F7_BOARD_DIR}/firmware_targets.cmake)
