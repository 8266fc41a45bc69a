# StrataHostBuild: what a host (non-cross) configure builds.
#
# Produces: the middleware libraries, the host tests (tests/host, tests/bsp, tests/conformance),
#   the host tools (tools/strata-run) and the layer-rule check.
# Optional: STRATA_SANITIZE=ON builds everything with AddressSanitizer + UndefinedBehaviorSanitizer.
include_guard(GLOBAL)

if(STRATA_BOARD AND NOT STRATA_BOARD STREQUAL "host")
  message(FATAL_ERROR "STRATA_BOARD='${STRATA_BOARD}' needs the arm toolchain: use a board preset "
                      "(cmake --list-presets) or -DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi-gcc.cmake")
endif()

option(STRATA_SANITIZE "Build host code with ASan + UBSan" OFF)
if(STRATA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
add_compile_options(-Wall -Wextra)

set(STRATA_HOST_BUILD ON)
include(StrataLayerRules)

foreach(dir middleware tests/host tests/bsp tests/conformance tools/strata-run models
            tests/external_layer)
  if(EXISTS ${STRATA_ROOT}/${dir}/CMakeLists.txt)
    add_subdirectory(${STRATA_ROOT}/${dir} ${CMAKE_BINARY_DIR}/${dir})
  endif()
endforeach()
