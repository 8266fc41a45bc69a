# Stm32f7Board: what every STM32F7 board.cmake shares; included at the end of each board.cmake.
#
# Sets: STRATA_BOARD_SOC (bsp/stm32f7/soc: the SoC code implements the bsp contract, the board's
# board_config.cpp holds its data), the CPU, the clock profiles (soc/clock_profile.hpp), the watchdog
# limit and the SoC's linker-script folder (soc/ld). The board sets STRATA_F7_ARENA (sram | sdram).
# strata_board_firmware_hook(<target>) adds, for each firmware:
#   flash-<target>          st-flash writes <target>.bin at 0x08000000 (ST-LINK on CN14, USB)
#   flash-openocd-<target>  OpenOCD programs the ELF (board/stm32f746g-disco.cfg), verifies, resets
#   debug-<target>          gdb-multiarch on the ELF, attached to a running `gdbserver`
#   ctest <board>.elf.<target> (labels elf;<board>): tests/bsp/stm32f7/check_elf.py
# and once per tree `gdbserver` (st-util on port 4242). When the tree holds exactly one firmware (every
# visible preset), `flash`, `flash-openocd` and `debug` are plain aliases for it. Every target runs
# bsp/stm32f7/tools/stlink_tool.py, which names the Debian package when a tool is missing.
include_guard(GLOBAL)

set(STM32F7_LAYER_DIR ${CMAKE_CURRENT_LIST_DIR}/..)
set(STRATA_BOARD_SOC ${STM32F7_LAYER_DIR}/soc)
set(STRATA_BOARD_CPU cortex-m7f-sp)
set(STRATA_BOARD_CLOCK_PROFILES 216mhz 288mhz)
set(STRATA_BOARD_LINKER_DIRS ${STM32F7_LAYER_DIR}/soc/ld)
# The IWDG (bsp/stm32/iwdg.hpp) counts up to 32768 ms at its nominal 32 kHz LSI (STRATA_WATCHDOG_MS).
set(STRATA_BOARD_WATCHDOG_MAX_MS 32768)

set(STRATA_F7_TOOL ${STM32F7_LAYER_DIR}/tools/stlink_tool.py)

# The three tool targets of one firmware under the names <action><suffix>.
function(_strata_f7_tool_targets target suffix)
  set(elf $<TARGET_FILE:${target}>)
  set(bin $<TARGET_FILE_DIR:${target}>/${target}.bin)
  add_custom_target(flash${suffix}
    COMMAND ${STRATA_PYTHON} ${STRATA_F7_TOOL} flash --bin ${bin}
    DEPENDS ${target} USES_TERMINAL VERBATIM)
  add_custom_target(flash-openocd${suffix}
    COMMAND ${STRATA_PYTHON} ${STRATA_F7_TOOL} flash-openocd --elf ${elf}
    DEPENDS ${target} USES_TERMINAL VERBATIM)
  add_custom_target(debug${suffix}
    COMMAND ${STRATA_PYTHON} ${STRATA_F7_TOOL} debug --elf ${elf} --tree ${CMAKE_BINARY_DIR}
    DEPENDS ${target} USES_TERMINAL VERBATIM)
endfunction()

# Runs at the end of the top-level directory, when every firmware of the tree is known.
function(_strata_f7_default_targets)
  get_property(firmwares GLOBAL PROPERTY STRATA_F7_FIRMWARES)
  list(LENGTH firmwares count)
  if(count EQUAL 1)
    _strata_f7_tool_targets(${firmwares} "")
    return()
  endif()
  list(JOIN firmwares ", " names)
  foreach(action flash flash-openocd debug)
    add_custom_target(${action}
      COMMAND ${CMAKE_COMMAND} -E echo "This tree holds ${count} firmware images (${names}): use ${action}-<firmware>."
      COMMAND ${CMAKE_COMMAND} -E false
      VERBATIM)
  endforeach()
endfunction()

function(strata_board_firmware_hook target)
  # The board script INCLUDEs these: relink when any of them changes, not only the top script.
  get_filename_component(board_ld ${STRATA_BOARD_LINKER_SCRIPT} DIRECTORY)
  file(GLOB scripts ${board_ld}/*.ld ${STM32F7_LAYER_DIR}/soc/ld/*.ld)
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS
               ${scripts} ${STRATA_ROOT}/bsp/cortex_m/ld/sections.ld)
  _strata_f7_tool_targets(${target} -${target})
  get_property(firmwares GLOBAL PROPERTY STRATA_F7_FIRMWARES)
  if(NOT firmwares)
    add_custom_target(gdbserver COMMAND ${STRATA_PYTHON} ${STRATA_F7_TOOL} gdbserver
                      USES_TERMINAL VERBATIM)
    cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _strata_f7_default_targets)
  endif()
  set_property(GLOBAL APPEND PROPERTY STRATA_F7_FIRMWARES ${target})

  set(test ${STRATA_BOARD}.elf.${target})
  add_test(NAME ${test}
    COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tests/bsp/stm32f7/check_elf.py
            --elf $<TARGET_FILE:${target}> --bin $<TARGET_FILE_DIR:${target}>/${target}.bin
            --arena ${STRATA_F7_ARENA})
  set_tests_properties(${test} PROPERTIES LABELS "elf;${STRATA_BOARD}" TIMEOUT 60)
endfunction()
