# Toolchain: GNU Arm Embedded (Debian's gcc-arm-none-eabi 12.2) for bare-metal Cortex-M.
#
# Only the compiler and the flags common to every Cortex-M build live here. The CPU flags come from
# toolchains/cpu/<cpu>.cmake, chosen by the board (its board.cmake names the fragment), because one
# configure can only target one board. Instruction counts depend on these flags: change them only
# together with BENCHMARKS.md.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

find_program(STRATA_ARM_GCC arm-none-eabi-gcc)
if(NOT STRATA_ARM_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc not found: install Debian packages gcc-arm-none-eabi, "
                      "libnewlib-arm-none-eabi and libstdc++-arm-none-eabi-newlib (tools/setup does it)")
endif()
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_OBJCOPY arm-none-eabi-objcopy CACHE FILEPATH "objcopy")
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "size")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# Sections per function/object so --gc-sections drops what a model does not use; no exceptions,
# RTTI or thread-safe statics (no RTOS, no unwinder in flash).
set(CMAKE_C_FLAGS_INIT "-ffunction-sections -fdata-sections -fno-common")
set(CMAKE_CXX_FLAGS_INIT
    "-ffunction-sections -fdata-sections -fno-common -fno-exceptions -fno-rtti \
-fno-threadsafe-statics -fno-use-cxa-atexit")
set(CMAKE_EXE_LINKER_FLAGS_INIT "--specs=nano.specs -nostartfiles -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# ccache (Debian package ccache), when present, shares objects between build trees of the same CPU
# (every CI tree compiles the middleware): paths are rewritten relative to the source root, and the
# build tree's own path is left out of the hash (CCACHE_NOHASHDIR: with -g ccache would otherwise key
# every object on its tree, and no two trees would share one).
find_program(STRATA_CCACHE ccache)
if(STRATA_CCACHE)
  get_filename_component(_strata_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
  set(CMAKE_C_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${_strata_root} CCACHE_NOHASHDIR=1
      ${STRATA_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_C_COMPILER_LAUNCHER})
endif()
