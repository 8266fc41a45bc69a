# StrataHostBuild: what a host (non-cross) configure builds.
#
# Produces: the middleware libraries, the host tests (tests/host, tests/bsp, tests/conformance,
#   tests/ops), the bad-input table (tests/bad_input), the host tools (tools/strata-run, the
#   cycle-model QEMU plugin tools/cycle_model), the documented commands (tests/docs), the
#   layer-rule check and the repository checks (tests/repo).
# Optional: STRATA_SANITIZE=ON builds everything with AddressSanitizer + UndefinedBehaviorSanitizer;
#   STRATA_FUZZ=ON (clang) builds only the middleware, instrumented for libFuzzer, and tests/fuzz.
include_guard(GLOBAL)

if(STRATA_BOARD AND NOT STRATA_BOARD STREQUAL "host")
  message(FATAL_ERROR "STRATA_BOARD='${STRATA_BOARD}' needs the arm toolchain: use a board preset "
                      "(cmake --list-presets) or -DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi-gcc.cmake")
endif()

# ccache (Debian package ccache), when present, shares objects between host build trees and between
# clones (paths are rewritten relative to the source root, the tree's path is not hashed), as the cross
# toolchain file does.
find_program(STRATA_CCACHE ccache)
if(STRATA_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${STRATA_ROOT} CCACHE_NOHASHDIR=1
      ${STRATA_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_C_COMPILER_LAUNCHER})
endif()

option(STRATA_SANITIZE "Build host code with ASan + UBSan" OFF)
option(STRATA_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
if(STRATA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "STRATA_FUZZ needs clang (the host-fuzz preset uses clang++-14; Debian packages "
                        "clang-14 and libclang-rt-14-dev)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -g)
  add_link_options(-fsanitize=address,undefined)
  set(STRATA_HOST_BUILD ON)
  add_subdirectory(${STRATA_ROOT}/middleware ${CMAKE_BINARY_DIR}/middleware)
  add_subdirectory(${STRATA_ROOT}/tests/fuzz ${CMAKE_BINARY_DIR}/tests/fuzz)
  return()
endif()
if(STRATA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
add_compile_options(-Wall -Wextra)

set(STRATA_HOST_BUILD ON)
include(StrataLayerRules)

foreach(dir middleware tests/host tests/bsp tests/conformance tests/ops tests/bad_input tests/repo
            tools/strata-run models tests/external_layer tools/cycle_model tests/docs)
  if(EXISTS ${STRATA_ROOT}/${dir}/CMakeLists.txt)
    add_subdirectory(${STRATA_ROOT}/${dir} ${CMAKE_BINARY_DIR}/${dir})
  endif()
endforeach()
