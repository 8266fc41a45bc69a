# STM32F407G-DISC1 (STM32F4DISCOVERY, MB997): STM32F407VG, 8 MHz HSE crystal -> 168 MHz. The console is
# USART2 on PA2 (TX) / PA3 (RX) through an external USB-serial adapter: the board's ST-LINK has no
# virtual COM port wired to the MCU (UM1472). Flashing: st-flash or OpenOCD over the ST-LINK.
set(STRATA_BOARD_CPU cortex-m4f)
set(STRATA_BOARD_SOURCES ${CMAKE_CURRENT_LIST_DIR}/board_config.cpp)
set(STRATA_BOARD_CLOCK_PROFILES 168mhz)

# The 64 KB CCM data RAM holds fast data always; a preset may also put the arena or the stack there.
set(STRATA_STM32F407_CCM "none" CACHE STRING "What else goes to the F407's CCM RAM: none | arena | stack")
set_property(CACHE STRATA_STM32F407_CCM PROPERTY STRINGS none arena stack)
set(ld ${STRATA_ROOT}/bsp/stm32f4/soc/ld)
if(STRATA_STM32F407_CCM STREQUAL "none")
  set(STRATA_BOARD_LINKER_SCRIPT ${ld}/stm32f407.ld)
  set(arena_region SRAM)
  set(stack_region SRAM)
  set(STM32F4_STACK_ORIGIN 0x20000000)
  set(STRATA_BOARD_ARENA_BYTES 110592)  # 128 KB SRAM - 16 KB stack - 4 KB .data/.bss
elseif(STRATA_STM32F407_CCM STREQUAL "arena")
  set(STRATA_BOARD_LINKER_SCRIPT ${ld}/stm32f407_ccm_arena.ld)
  set(arena_region CCM)
  set(stack_region SRAM)
  set(STM32F4_STACK_ORIGIN 0x20000000)
  set(STRATA_BOARD_ARENA_BYTES 65536)  # the whole CCM
elseif(STRATA_STM32F407_CCM STREQUAL "stack")
  set(STRATA_BOARD_LINKER_SCRIPT ${ld}/stm32f407_ccm_stack.ld)
  set(arena_region SRAM)
  set(stack_region CCM)
  set(STM32F4_STACK_ORIGIN 0x10000000)
  set(STRATA_BOARD_ARENA_BYTES 126976)  # 128 KB SRAM - 4 KB .data/.bss
else()
  message(FATAL_ERROR "Unknown STRATA_STM32F407_CCM='${STRATA_STM32F407_CCM}'. "
                      "Valid values: none, arena, stack")
endif()

# What the build checks a model against (cmake/StrataModel.cmake); the linker script has the last word.
set(STRATA_BOARD_FLASH_BYTES 1048576)
set(STM32F4_FLASH_REGION FLASH=0x08000000:1024K)
set(STM32F4_RAM_REGIONS SRAM=0x20000000:128K CCM=0x10000000:64K)
set(STM32F4_PLACEMENT .isr_vector=FLASH .text=FLASH .data=SRAM .bss=SRAM .noinit=SRAM
                      .fast_data=CCM .fast_bss=CCM .arena=${arena_region} .stack=${stack_region})
# The IWDG (bsp/stm32/iwdg.hpp) counts up to 32768 ms at its nominal 32 kHz LSI (STRATA_WATCHDOG_MS).
set(STRATA_BOARD_WATCHDOG_MAX_MS 32768)
set(STM32F4_OPENOCD_CONFIG board/stm32f4discovery.cfg)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/Stm32f4Board.cmake)
