# The app layer's code built for the host with one generated model, so tests and fuzzers drive the
# same shell, commands and host link a firmware runs (board: host_board.cpp).
#
# strata_add_host_app(<target> MODEL <model library> NAME <model name> KERNELS <backend>)
#   STATIC library <target>: app/ shell, link, system and model commands, console output, and the
#   host board; it links the model library (strata_add_model) and carries the generated
#   firmware_variant.hpp and strata_config.hpp a firmware would have. Add app/main.cpp's loop in the
#   caller: each byte to the link port (app::link_port()) first, else to an app::Shell.
# Required: STRATA_ROOT, PROJECT_VERSION.
include_guard(GLOBAL)

function(strata_add_host_app target)
  cmake_parse_arguments(A "" "MODEL;NAME;KERNELS" "" ${ARGN})
  set(app ${STRATA_ROOT}/app)
  set(here ${CMAKE_CURRENT_FUNCTION_LIST_DIR})
  add_library(${target} STATIC
    ${app}/console_out.cpp ${app}/shell/line_reader.cpp ${app}/shell/command_line.cpp
    ${app}/shell/shell.cpp ${app}/link/crc32.cpp ${app}/link/frame.cpp ${app}/link/link_port.cpp
    ${app}/commands/system_commands.cpp ${app}/commands/model_instance.cpp
    ${app}/commands/model_commands.cpp ${app}/commands/model_link.cpp
    ${app}/commands/model_report.cpp ${app}/commands/model_view.cpp
    ${here}/host_board.cpp)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/${target}_generated)
  set(STRATA_VARIANT_MODEL ${A_NAME})
  set(STRATA_VARIANT_KERNELS ${A_KERNELS})
  configure_file(${app}/firmware_variant.hpp.in ${generated}/firmware_variant.hpp @ONLY)
  set(STRATA_BOARD host)
  set(STRATA_CLOCK_PROFILE host)
  set(STRATA_BOARD_CPU host)
  set(STRATA_BUILD_FLAGS_STRING "")
  set(STRATA_WATCHDOG_MS 0)
  configure_file(${STRATA_ROOT}/cmake/strata_config.hpp.in ${generated}/strata_config.hpp @ONLY)
  target_include_directories(${target} PUBLIC ${app} ${STRATA_ROOT}/bsp/include
                                              ${here} ${generated})
  target_link_libraries(${target} PUBLIC ${A_MODEL})
endfunction()
