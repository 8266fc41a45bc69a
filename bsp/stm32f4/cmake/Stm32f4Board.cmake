# Stm32f4Board: what every STM32F4 board.cmake shares; included at the end of each board.cmake. Sets
# STRATA_BOARD_SOC (the SoC code in bsp/stm32f4/soc implements the bsp contract; the board's
# board_config.cpp holds its data).
#
# Required (set by the board.cmake before including this):
#   STM32F4_FLASH_REGION   NAME=ORIGIN:SIZE of the flash, e.g. FLASH=0x08000000:1024K
#   STM32F4_RAM_REGIONS    list of NAME=ORIGIN:SIZE RAM regions (the ELF check's memory map)
#   STM32F4_PLACEMENT      list of SECTION=REGION rules the ELF check asserts
#   STM32F4_STACK_ORIGIN   start of the RAM the stack begins (its guard must be exactly there)
# Optional:
#   STM32F4_OPENOCD_CONFIG OpenOCD board config; when set, the flash/debug targets exist
#   STM32F4_QEMU_TESTS     a .cmake file defining stm32f4_board_qemu_tests(<target>) (virtual board)
#   STM32F4_SKIP_MODELS    models whose arena cannot fit this board: left out of STRATA_MODEL=all
#                          (a message says so); asked for by name, the generator refuses them with
#                          both sizes. STM32F4_SKIP_REASON says why.
# Produces, for each firmware <t> (strata_board_firmware_hook, called by strata_add_firmware):
#   test <board>.<t>.elf (labels elf;<board>), target size-<t> (region use against the chip),
#   flash-<t> (st-flash), flash-openocd-<t>, debug-<t> (OpenOCD + gdb-multiarch); plain `flash`,
#   `flash-openocd`, `debug`, `size` when the tree holds a single app firmware; once per tree a test
#   proving the ELF check rejects a wrong placement.
include_guard(GLOBAL)

set(STM32F4_LAYER_DIR ${CMAKE_CURRENT_LIST_DIR}/..)
set(STRATA_BOARD_SOC ${STM32F4_LAYER_DIR}/soc)
set(STM32F4_CHECK_ELF ${STRATA_ROOT}/tests/bsp/stm32f4/check_elf.py)
set(STM32F4_FLASH_TOOL ${STM32F4_LAYER_DIR}/tools/stm32f4_flash.py)

# Runs while board.cmake is included, before StrataFirmwareBuild turns STRATA_MODEL=all into a list.
if(STRATA_MODEL STREQUAL "all" AND STM32F4_SKIP_MODELS)
  get_property(_stm32f4_models GLOBAL PROPERTY STRATA_MODELS)
  foreach(_model IN LISTS STM32F4_SKIP_MODELS)
    if(_model IN_LIST _stm32f4_models)
      list(REMOVE_ITEM _stm32f4_models ${_model})
      message(STATUS "${STRATA_BOARD}: model ${_model} left out of STRATA_MODEL=all: "
                     "${STM32F4_SKIP_REASON}")
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY STRATA_MODELS ${_stm32f4_models})
endif()

function(_stm32f4_elf_check_args target out)
  set(args --elf $<TARGET_FILE:${target}> --flash ${STM32F4_FLASH_REGION})
  foreach(region IN LISTS STM32F4_RAM_REGIONS)
    list(APPEND args --ram ${region})
  endforeach()
  set(${out} ${args} PARENT_SCOPE)
endfunction()

function(_stm32f4_add_elf_checks target)
  _stm32f4_elf_check_args(${target} args)
  set(place "")
  foreach(rule IN LISTS STM32F4_PLACEMENT)
    list(APPEND place --place ${rule})
  endforeach()
  # The early boot hook runs before .data exists: the board data it reads must be constant, in flash.
  list(APPEND place --symbol bsp::stm32f4::kBoardConfig=FLASH)
  # The stack starts its RAM region, so the MPU regions under it catch every overflow.
  list(APPEND place --address __stack_guard=${STM32F4_STACK_ORIGIN})
  add_test(NAME ${STRATA_BOARD}.${target}.elf
           COMMAND ${STRATA_PYTHON} ${STM32F4_CHECK_ELF} ${args} ${place})
  set_tests_properties(${STRATA_BOARD}.${target}.elf PROPERTIES LABELS "elf;${STRATA_BOARD}")
  add_custom_target(size-${target}
    COMMAND ${STRATA_PYTHON} ${STM32F4_CHECK_ELF} ${args} ${place} --report
    DEPENDS ${target} VERBATIM)
  get_property(negative_done GLOBAL PROPERTY STM32F4_NEGATIVE_ELF_TEST)
  if(NOT negative_done)
    # The check must be able to fail: the vector table is never in RAM.
    list(GET STM32F4_RAM_REGIONS 0 first_ram)
    string(REGEX REPLACE "=.*" "" first_ram ${first_ram})
    add_test(NAME ${STRATA_BOARD}.elf_check_rejects_misplacement
             COMMAND ${STRATA_PYTHON} ${STM32F4_CHECK_ELF} ${args} --place .isr_vector=${first_ram})
    set_tests_properties(${STRATA_BOARD}.elf_check_rejects_misplacement PROPERTIES
                         WILL_FAIL TRUE LABELS "elf;${STRATA_BOARD}")
    set_property(GLOBAL PROPERTY STM32F4_NEGATIVE_ELF_TEST ON)
  endif()
endfunction()

function(_stm32f4_add_flash_targets target suffix)
  set(dir $<TARGET_FILE_DIR:${target}>)
  add_custom_target(flash${suffix}
    COMMAND ${STRATA_PYTHON} ${STM32F4_FLASH_TOOL} --tool st-flash --bin ${dir}/${target}.bin
    DEPENDS ${target} USES_TERMINAL VERBATIM)
  add_custom_target(flash-openocd${suffix}
    COMMAND ${STRATA_PYTHON} ${STM32F4_FLASH_TOOL} --tool openocd --elf $<TARGET_FILE:${target}>
            --openocd-config ${STM32F4_OPENOCD_CONFIG}
    DEPENDS ${target} USES_TERMINAL VERBATIM)
  add_custom_target(debug${suffix}
    COMMAND ${STRATA_PYTHON} ${STM32F4_FLASH_TOOL} --tool debug --elf $<TARGET_FILE:${target}>
            --openocd-config ${STM32F4_OPENOCD_CONFIG}
    DEPENDS ${target} USES_TERMINAL VERBATIM)
endfunction()

# True when `target` is the only app firmware of this tree (one model, one kernels backend).
function(_stm32f4_single_app_firmware target out)
  list(LENGTH STRATA_MODEL_LIST models)
  list(LENGTH STRATA_KERNELS_LIST kernels)
  if(target MATCHES "^strata-" AND models EQUAL 1 AND kernels EQUAL 1)
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

function(strata_board_firmware_hook target)
  _stm32f4_add_elf_checks(${target})
  _stm32f4_single_app_firmware(${target} single)
  if(STM32F4_OPENOCD_CONFIG)
    _stm32f4_add_flash_targets(${target} -${target})
    if(single)
      _stm32f4_add_flash_targets(${target} "")
    endif()
  endif()
  if(single)
    add_custom_target(size DEPENDS size-${target})
  endif()
  if(STM32F4_QEMU_TESTS)
    include(${STM32F4_QEMU_TESTS})
    stm32f4_board_qemu_tests(${target})
  endif()
endfunction()
