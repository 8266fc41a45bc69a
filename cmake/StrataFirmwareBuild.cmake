# StrataFirmwareBuild: what a cross (arm-none-eabi) configure builds.
#
# Required: STRATA_BOARD (a board id some layer provides).
# Optional: STRATA_MODEL (model id, a list of ids, or `all`; default `none`; replaced by the model of
#   STRATA_MODEL_FILE when that is set, see cmake/StrataLayers.cmake), STRATA_KERNELS (`reference`,
#   `optimized` or `all`; default `reference`), STRATA_CLOCK_PROFILE (board clock profile; default:
#   the board's), STRATA_WATCHDOG_MS (watchdog timeout board_init() starts, in ms; default 0 = off).
# A board's board.cmake (docs/adding-a-board.md) sets: STRATA_BOARD_SOC (the folder whose CMakeLists.txt
#   builds the SoC code that implements the bsp contract), STRATA_BOARD_CPU (a toolchains/cpu/<cpu>.cmake
#   fragment), STRATA_BOARD_CLOCK_PROFILES (first = default), STRATA_BOARD_LINKER_SCRIPT; optionally
#   STRATA_BOARD_SOURCES (the board's data files, e.g. board_config.cpp), STRATA_BOARD_OPTIONS (kName=value
#   constants for the board data, in the generated board_options.hpp), STRATA_BOARD_STACK_BYTES (main
#   stack size handed to the linker script), STRATA_BOARD_QEMU_MACHINE (virtual boards),
#   STRATA_BOARD_ARENA_BYTES / STRATA_BOARD_FLASH_BYTES (what a model is checked against at build time),
#   STRATA_BOARD_WATCHDOG_MAX_MS (the longest watchdog timeout the board can do; unset: no watchdog,
#   STRATA_WATCHDOG_MS must be 0) and a function strata_board_firmware_hook(<target>).
# Produces: one firmware per model x kernels (cmake/StrataFirmware.cmake), the generated
#   strata_config.hpp, the board's flash/run/debug targets and, on virtual boards, the QEMU tests.
include_guard(GLOBAL)

set(STRATA_BOARD "" CACHE STRING "Board id (cmake --list-presets shows the board presets)")
set(STRATA_MODEL "none" CACHE STRING "Model id, or 'all' for every model")
set(STRATA_KERNELS "reference" CACHE STRING "Kernels backend: reference | optimized | all")
set(STRATA_CLOCK_PROFILE "" CACHE STRING "Board clock profile (empty: the board's default)")
set(STRATA_WATCHDOG_MS "0" CACHE STRING "Watchdog timeout in ms started by board_init() (0: off)")

if(NOT STRATA_BOARD)
  get_property(boards GLOBAL PROPERTY STRATA_BOARDS)
  list(SORT boards)
  list(JOIN boards "\n    " valid)
  message(FATAL_ERROR "STRATA_BOARD is not set. Valid values:\n    ${valid}")
endif()
strata_require_known(BOARD STRATA_BOARD "${STRATA_BOARD}")

# Instruction counts are reported for these exact flags (docs/architecture.md, section 8).
set(CMAKE_C_FLAGS_RELEASE "-O2 -g -DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -g -DNDEBUG")
set(CMAKE_C_FLAGS_DEBUG "-Og -g3")
set(CMAKE_CXX_FLAGS_DEBUG "-Og -g3")
add_compile_options(-Wall -Wextra)

# The board declares its CPU, clock profiles and (for virtual boards) its QEMU machine.
get_property(STRATA_BOARD_DIR GLOBAL PROPERTY STRATA_BOARD_${STRATA_BOARD}_DIR)
include(${STRATA_BOARD_DIR}/board.cmake)
foreach(var STRATA_BOARD_SOC STRATA_BOARD_CPU STRATA_BOARD_CLOCK_PROFILES STRATA_BOARD_LINKER_SCRIPT)
  if(NOT ${var})
    message(FATAL_ERROR "${STRATA_BOARD_DIR}/board.cmake must set ${var}")
  endif()
endforeach()
if(NOT STRATA_CLOCK_PROFILE)
  list(GET STRATA_BOARD_CLOCK_PROFILES 0 STRATA_CLOCK_PROFILE)
endif()
if(NOT STRATA_CLOCK_PROFILE IN_LIST STRATA_BOARD_CLOCK_PROFILES)
  list(JOIN STRATA_BOARD_CLOCK_PROFILES ", " valid)
  message(FATAL_ERROR "Unknown STRATA_CLOCK_PROFILE='${STRATA_CLOCK_PROFILE}' for board "
                      "${STRATA_BOARD}. Valid values: ${valid}")
endif()

# Watchdog: off (0) unless asked for, and only up to what the board's watchdog can count.
string(LENGTH "${STRATA_WATCHDOG_MS}" _watchdog_digits)
if(NOT STRATA_WATCHDOG_MS MATCHES "^(0|[1-9][0-9]*)$" OR _watchdog_digits GREATER 9)
  message(FATAL_ERROR "STRATA_WATCHDOG_MS='${STRATA_WATCHDOG_MS}' is not a timeout in milliseconds "
                      "(a whole number; 0 = no watchdog)")
endif()
if(STRATA_WATCHDOG_MS GREATER 0)
  if(NOT STRATA_BOARD_WATCHDOG_MAX_MS)
    message(FATAL_ERROR "STRATA_WATCHDOG_MS=${STRATA_WATCHDOG_MS}: board ${STRATA_BOARD} has no "
                        "watchdog. Valid value: 0")
  endif()
  if(STRATA_WATCHDOG_MS GREATER STRATA_BOARD_WATCHDOG_MAX_MS)
    message(FATAL_ERROR "STRATA_WATCHDOG_MS=${STRATA_WATCHDOG_MS} is longer than the watchdog of "
                        "board ${STRATA_BOARD} can count. Valid values: 0 (off) or "
                        "1..${STRATA_BOARD_WATCHDOG_MAX_MS}")
  endif()
endif()

include(${STRATA_ROOT}/toolchains/cpu/${STRATA_BOARD_CPU}.cmake)
add_compile_options(${STRATA_CPU_FLAGS})
add_link_options(${STRATA_CPU_FLAGS})

# Model and kernels axes: a single value, or `all` (CI builds every variant of a board in one tree).
get_property(all_models GLOBAL PROPERTY STRATA_MODELS)
get_property(all_kernels GLOBAL PROPERTY STRATA_KERNELSS)
if(STRATA_MODEL STREQUAL "all")  # every model, but those restricted to other boards (BOARDS)
  set(STRATA_MODEL_LIST "")
  foreach(model IN LISTS all_models)
    get_property(model_boards GLOBAL PROPERTY STRATA_MODEL_${model}_BOARDS)
    if(NOT model_boards OR STRATA_BOARD IN_LIST model_boards)
      list(APPEND STRATA_MODEL_LIST ${model})
    endif()
  endforeach()
else()
  foreach(model IN LISTS STRATA_MODEL)  # one id, or a list (a CI tree of the models a board fits)
    strata_require_known(MODEL STRATA_MODEL "${model}")
  endforeach()
  set(STRATA_MODEL_LIST ${STRATA_MODEL})
endif()
if(STRATA_MODEL_FILE)  # your own .tflite, on any preset of the board: it replaces the preset's model
  get_property(STRATA_MODEL_LIST GLOBAL PROPERTY STRATA_MODEL_FILE_ID)
endif()
if(STRATA_KERNELS STREQUAL "all")
  set(STRATA_KERNELS_LIST ${all_kernels})
else()
  strata_require_known(KERNELS STRATA_KERNELS "${STRATA_KERNELS}")
  set(STRATA_KERNELS_LIST ${STRATA_KERNELS})
endif()

set(STRATA_CONFIG_DIR ${CMAKE_BINARY_DIR}/generated/config)
string(REPLACE ";" " " STRATA_CPU_FLAGS_STRING "${STRATA_CPU_FLAGS}")
string(TOUPPER "${CMAKE_BUILD_TYPE}" build_type_upper)
set(STRATA_BUILD_FLAGS_STRING "${STRATA_CPU_FLAGS_STRING} ${CMAKE_CXX_FLAGS_${build_type_upper}}")
configure_file(${STRATA_ROOT}/cmake/strata_config.hpp.in ${STRATA_CONFIG_DIR}/strata_config.hpp @ONLY)
# The board's options (cache variables its board.cmake turned into kName=value) for its data files.
set(_board_options "")
foreach(option IN LISTS STRATA_BOARD_OPTIONS)
  if(NOT option MATCHES "^(k[A-Za-z0-9]+)=(.+)$")
    message(FATAL_ERROR "${STRATA_BOARD_DIR}/board.cmake: STRATA_BOARD_OPTIONS entry '${option}' is "
                        "not kName=value")
  endif()
  string(APPEND _board_options "inline constexpr auto ${CMAKE_MATCH_1} = ${CMAKE_MATCH_2};\n")
endforeach()
file(CONFIGURE OUTPUT ${STRATA_CONFIG_DIR}/board_options.hpp CONTENT
"// Generated by cmake/StrataFirmwareBuild.cmake from STRATA_BOARD_OPTIONS of board ${STRATA_BOARD}.
#pragma once

namespace board_options {
${_board_options}}  // namespace board_options
")
add_library(strata_config INTERFACE)
target_include_directories(strata_config INTERFACE ${STRATA_CONFIG_DIR})

include(StrataLayerRules)
include(StrataFirmware)
include(StrataQemu)

add_subdirectory(${STRATA_ROOT}/bsp/cortex_m ${CMAKE_BINARY_DIR}/bsp/cortex_m)
add_subdirectory(${STRATA_BOARD_SOC} ${CMAKE_BINARY_DIR}/bsp/soc)
foreach(dir middleware models app tests/firmware)
  if(EXISTS ${STRATA_ROOT}/${dir}/CMakeLists.txt)
    add_subdirectory(${STRATA_ROOT}/${dir} ${CMAKE_BINARY_DIR}/${dir})
  endif()
endforeach()

message(STATUS "Strata firmware: board=${STRATA_BOARD} clock=${STRATA_CLOCK_PROFILE} "
               "cpu=${STRATA_BOARD_CPU} models=${STRATA_MODEL_LIST} kernels=${STRATA_KERNELS_LIST} "
               "watchdog_ms=${STRATA_WATCHDOG_MS}")
