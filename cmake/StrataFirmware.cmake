# StrataFirmware: strata_add_firmware() links one firmware image for the configured board.
#
# strata_add_firmware(<target> SOURCES <src>... [LIBS <lib>...])
#   Produces <target>.elf with its map file, <target>.bin, <target>.hex and a size report printed after
#   every build. The board's object libraries (global property STRATA_BSP_OBJECT_LIBS, filled by
#   strata_add_bsp_library) and its linker script (STRATA_BOARD_LINKER_SCRIPT, INCLUDE search path: its
#   folder, STRATA_BOARD_LINKER_DIRS and bsp/cortex_m/ld) are linked in. When the
#   board defines strata_board_firmware_hook(<target>), it is called (flash/debug targets and checks).
#   On virtual boards (STRATA_BOARD_QEMU_MACHINE) `run-<target>` and `debug-<target>` start it under
#   QEMU (cmake/StrataQemu.cmake).
# strata_add_bsp_library(<name> <src>...)
#   An OBJECT library of board code, compiled once per tree and linked into every firmware.
# strata_add_board_data(<soc library>)
#   Called by the SoC's CMakeLists.txt: the board's data files (STRATA_BOARD_SOURCES) as the object
#   library strata_board_data on top of the SoC library, their folders on its include path.
include_guard(GLOBAL)

# The bsp contract (bsp/include/bsp): every board implements it, and it is all of a board the app
# may include (the layer rule app -> bsp-contract).
add_library(strata_bsp_contract INTERFACE)
target_include_directories(strata_bsp_contract INTERFACE ${STRATA_ROOT}/bsp/include)

function(strata_add_bsp_library name)
  add_library(${name} OBJECT ${ARGN})
  target_link_libraries(${name} PUBLIC strata_config strata_bsp_contract)
  set_property(GLOBAL APPEND PROPERTY STRATA_BSP_OBJECT_LIBS ${name})
endfunction()

function(strata_add_board_data soc_library)
  if(NOT STRATA_BOARD_SOURCES)
    return()
  endif()
  strata_add_bsp_library(strata_board_data ${STRATA_BOARD_SOURCES})
  target_link_libraries(strata_board_data PUBLIC ${soc_library})
  foreach(source IN LISTS STRATA_BOARD_SOURCES)
    get_filename_component(folder ${source} DIRECTORY)
    target_include_directories(strata_board_data PRIVATE ${folder})
  endforeach()
endfunction()

function(strata_add_firmware target)
  cmake_parse_arguments(F "" "" "SOURCES;LIBS" ${ARGN})
  get_property(bsp_libs GLOBAL PROPERTY STRATA_BSP_OBJECT_LIBS)
  add_executable(${target} ${F_SOURCES})
  set_target_properties(${target} PROPERTIES SUFFIX ".elf")
  foreach(lib IN LISTS bsp_libs)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:${lib}>)
    target_link_libraries(${target} PRIVATE ${lib})
  endforeach()
  target_link_libraries(${target} PRIVATE ${F_LIBS} strata_config)
  get_filename_component(script_dir ${STRATA_BOARD_LINKER_SCRIPT} DIRECTORY)
  foreach(dir IN LISTS STRATA_BOARD_LINKER_DIRS)
    target_link_options(${target} PRIVATE -L${dir})
  endforeach()
  if(STRATA_BOARD_STACK_BYTES)
    target_link_options(${target} PRIVATE -Wl,--defsym=__stack_size=${STRATA_BOARD_STACK_BYTES})
  endif()
  target_link_options(${target} PRIVATE
    -T${STRATA_BOARD_LINKER_SCRIPT} -L${script_dir} -L${STRATA_ROOT}/bsp/cortex_m/ld
    -Wl,-Map=$<TARGET_FILE_DIR:${target}>/${target}.map -Wl,--print-memory-usage)
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${STRATA_BOARD_LINKER_SCRIPT}
               ${STRATA_ROOT}/bsp/cortex_m/ld/sections.ld)
  set(out $<TARGET_FILE_DIR:${target}>/${target})
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary $<TARGET_FILE:${target}> ${out}.bin
    COMMAND ${CMAKE_OBJCOPY} -O ihex $<TARGET_FILE:${target}> ${out}.hex
    COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/size_report.py $<TARGET_FILE:${target}>
    VERBATIM)
  if(STRATA_BOARD_QEMU_MACHINE)
    strata_add_qemu_targets(${target})
  endif()
  if(COMMAND strata_board_firmware_hook)
    strata_board_firmware_hook(${target})
  endif()
endfunction()
