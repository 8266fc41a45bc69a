# Script (cmake -P): builds the host strata-run that cross build trees plan their arenas with, in one
# tools tree that every build tree shares, so it is compiled once (cmake/StrataModel.cmake runs this
# on every build: a no-op when nothing changed, a rebuild when the middleware did).
#   cmake -DSTRATA_ROOT=<strata> -DHOST_TOOLS_DIR=<tools tree> -P strata_host_planner.cmake
# A lock file keeps two builds that start at the same time from building the tree together.
foreach(var STRATA_ROOT HOST_TOOLS_DIR)
  if(NOT ${var})
    message(FATAL_ERROR "strata_host_planner.cmake: -D${var}=... is required")
  endif()
endforeach()

file(MAKE_DIRECTORY ${HOST_TOOLS_DIR})
file(LOCK ${HOST_TOOLS_DIR}/.lock GUARD PROCESS TIMEOUT 1800 RESULT_VARIABLE locked)
if(NOT locked EQUAL 0)
  message(FATAL_ERROR "host planner: could not lock ${HOST_TOOLS_DIR}/.lock: ${locked}")
endif()

if(NOT EXISTS ${HOST_TOOLS_DIR}/build.ninja)
  message(STATUS "host planner: configuring the shared host tools tree ${HOST_TOOLS_DIR} (once)")
  # A plain host configure (no toolchain file: the host compiler) of models/gen/host_planner.
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${STRATA_ROOT}/models/gen/host_planner -B ${HOST_TOOLS_DIR}
            -G Ninja -DCMAKE_BUILD_TYPE=Release
    OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE failed)
  if(failed)
    file(REMOVE ${HOST_TOOLS_DIR}/build.ninja)
    message(FATAL_ERROR "host planner: configuring ${HOST_TOOLS_DIR} failed:\n${out}")
  endif()
endif()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${HOST_TOOLS_DIR} --target strata-run
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "host planner: building strata-run in ${HOST_TOOLS_DIR} failed:\n${out}")
endif()
if(NOT out MATCHES "no work to do")
  message(STATUS "host planner: strata-run rebuilt in ${HOST_TOOLS_DIR}")
endif()
