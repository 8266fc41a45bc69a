# StrataLibrary: Strata inside another CMake project, as a library (add_subdirectory(<strata> strata)).
#
# Produces: the runtime (strata_runtime), the kernel backends (strata_kernels_reference,
#   strata_kernels_optimized) built with the including project's compiler and flags, the function
#   strata_add_model() (cmake/StrataModel.cmake: a .tflite file into a library with its planned arena
#   size) and, when the project builds for the host, the strata-run tool. No board, app or test is
#   configured: the project brings its own main() and, on a microcontroller, its own startup code.
# Required: what the middleware needs (flatc, the flatbuffers headers) and STRATA_PYTHON.
# A cross-compiling project plans arenas with the shared host strata-run (STRATA_HOST_TOOLS_DIR) or
# the one given by -DSTRATA_RUN=<path>. Example: examples/consumer (docs/models.md).
include_guard(GLOBAL)

set(STRATA_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 with Debian's modules (not pyenv's)")
add_subdirectory(${STRATA_ROOT}/middleware ${CMAKE_CURRENT_BINARY_DIR}/middleware)
if(NOT CMAKE_CROSSCOMPILING)
  add_subdirectory(${STRATA_ROOT}/tools/strata-run ${CMAKE_CURRENT_BINARY_DIR}/tools/strata-run)
endif()
include(StrataModel)
