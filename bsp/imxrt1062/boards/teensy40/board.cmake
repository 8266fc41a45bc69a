# teensy40: PJRC Teensy 4.0 (NXP i.MX RT1062, Cortex-M7 with double-precision FPU, 2 MB FlexSPI NOR).
# Its data: the console on pins 14/15, the memory map and the flash chip's configuration block
# (board_config.cpp, teensy40_flash_config.hpp); the rest is the i.MX RT1062's
# (cmake/Imxrt1062Board.cmake, which lists the clock profiles and the placement options).
set(STRATA_BOARD_SOURCES ${CMAKE_CURRENT_LIST_DIR}/board_config.cpp)
# What the generator checks a model against: the largest arena region (OCRAM2 less the 32 KB stack
# and some room for large buffers; DTCM is preferred when the arena fits there) and the flash
# (teensy_loader_cli writes at most 1984 KB of the 2 MB chip).
set(STRATA_BOARD_ARENA_BYTES 458752)
set(STRATA_BOARD_FLASH_BYTES 2031616)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/Imxrt1062Board.cmake)
