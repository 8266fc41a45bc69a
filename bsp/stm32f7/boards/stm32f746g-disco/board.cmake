# stm32f746g-disco: ST's STM32F746G-DISCO (STM32F746NGH6 Cortex-M7, 1 MB flash, 320 KB RAM, 8 MB SDRAM).
#
# Its data: the console wiring, memory map and SDRAM (board_config.cpp, sdram_board.*) and the linker
# scripts in ld/; the rest is the STM32F7's (cmake/Stm32f7Board.cmake: CPU, clock profiles, flash /
# flash-openocd / debug targets and the ELF check). Options (cache variables, set by the presets):
#   STRATA_CLOCK_PROFILE  216mhz (default, ST's in-spec maximum) | 288mhz (overclock, out of spec)
#   STRATA_F7_CONSOLE     usart1 (default: ST-LINK virtual COM port) | usart6 (Arduino D1/D0)
#   STRATA_F7_ARENA       sram (default) | sdram (the inference arena in the external SDRAM)
set(STRATA_BOARD_SOURCES ${CMAKE_CURRENT_LIST_DIR}/board_config.cpp
                         ${CMAKE_CURRENT_LIST_DIR}/sdram_board.cpp)

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
set(STRATA_BOARD_LINKER_SCRIPT
    ${CMAKE_CURRENT_LIST_DIR}/ld/stm32f746g-disco-arena-${STRATA_F7_ARENA}.ld)
# The options as constants of board_config.cpp (board_options.hpp).
set(_usart6 false)
if(STRATA_F7_CONSOLE STREQUAL "usart6")
  set(_usart6 true)
endif()
set(_sdram_arena false)
if(STRATA_F7_ARENA STREQUAL "sdram")
  set(_sdram_arena true)
endif()
set(STRATA_BOARD_OPTIONS kConsoleUsart6=${_usart6} kArenaInSdram=${_sdram_arena})

include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/Stm32f7Board.cmake)
