# StrataQemu: firmware tests on the virtual boards.
#
# strata_add_qemu_test(<name> <firmware-target> [TIMEOUT <s>] [EXPECT_EXIT <n>] [INPUT <text>]
#                      [REQUIRE <regex>...] [FORBID <regex>...] [MARKERS] [LABELS <label>...])
#   Adds a ctest (label `qemu` plus LABELS) that runs the firmware under QEMU with instruction counting
#   through tools/qemu_run.py: it passes only on the expected exit code, the required output, and (with
#   MARKERS) the start/done markers; it is killed and fails after TIMEOUT seconds (default 120).
# strata_add_qemu_targets(<firmware-target>)
#   run-<firmware>    the firmware's shell on this terminal (tools/qemu_run.py --interactive): what you
#                     type reaches it; `exit`, Ctrl-A X or Ctrl-C ends it, and QEMU ends with it
#   debug-<firmware>  QEMU halted with a gdb stub, gdb-multiarch attached (tools/qemu_debug.py)
#   Both count instructions like the tests (-icount shift=6,sleep=off).
# strata_host_client_variants(<out-var> <model>...)
#   The "<model>/<kernels>" firmwares of this tree the host-client tests (link, validate) run, of the
#   given models: every kernels backend on the Cortex-M7 board, on other virtual boards the optimized
#   mnist-int8 one only (the client code is the same everywhere, the board's UART is not).
# Requires: STRATA_BOARD_QEMU_MACHINE (set by a virtual board's board.cmake).
include_guard(GLOBAL)

function(strata_host_client_variants out_var)
  set(variants "")
  foreach(model IN LISTS ARGN)
    if(NOT model IN_LIST STRATA_MODEL_LIST)
      continue()
    endif()
    foreach(kernels IN LISTS STRATA_KERNELS_LIST)
      if(STRATA_BOARD STREQUAL "mps2-an500" OR "${model}/${kernels}" STREQUAL "mnist-int8/optimized")
        list(APPEND variants ${model}/${kernels})
      endif()
    endforeach()
  endforeach()
  set(${out_var} ${variants} PARENT_SCOPE)
endfunction()

function(strata_add_qemu_targets firmware)
  set(where --machine ${STRATA_BOARD_QEMU_MACHINE} --elf $<TARGET_FILE:${firmware}>)
  add_custom_target(run-${firmware}
    COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/qemu_run.py ${where} --interactive
    DEPENDS ${firmware} USES_TERMINAL VERBATIM)
  add_custom_target(debug-${firmware}
    COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/qemu_debug.py ${where}
    DEPENDS ${firmware} USES_TERMINAL VERBATIM)
endfunction()

function(strata_add_qemu_test name firmware)
  cmake_parse_arguments(T "MARKERS" "TIMEOUT;EXPECT_EXIT;INPUT" "REQUIRE;FORBID;LABELS" ${ARGN})
  if(NOT STRATA_BOARD_QEMU_MACHINE)
    message(FATAL_ERROR "strata_add_qemu_test(${name}): board ${STRATA_BOARD} is not a virtual board")
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  if(NOT DEFINED T_EXPECT_EXIT)
    set(T_EXPECT_EXIT 0)
  endif()
  set(cmd ${STRATA_PYTHON} ${STRATA_ROOT}/tools/qemu_run.py --machine ${STRATA_BOARD_QEMU_MACHINE}
          --elf $<TARGET_FILE:${firmware}> --timeout ${T_TIMEOUT} --expect-exit ${T_EXPECT_EXIT})
  if(T_INPUT)
    list(APPEND cmd --input ${T_INPUT})
  endif()
  if(T_MARKERS)
    list(APPEND cmd --markers)
  endif()
  foreach(re IN LISTS T_REQUIRE)
    list(APPEND cmd --require ${re})
  endforeach()
  foreach(re IN LISTS T_FORBID)
    list(APPEND cmd --forbid ${re})
  endforeach()
  set(test ${STRATA_BOARD}.${name})
  add_test(NAME ${test} COMMAND ${cmd})
  math(EXPR hard_timeout "${T_TIMEOUT} + 30")
  set_tests_properties(${test} PROPERTIES LABELS "qemu;${STRATA_BOARD};${T_LABELS}"
                                          TIMEOUT ${hard_timeout})
endfunction()
