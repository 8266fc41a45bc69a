# The cycle-model QEMU plugin (docs/cycle-model.md) for firmware trees, which compile with the cross
# compiler: the plugin is host code, so it is built here with the host C compiler.
#
# strata_cycle_model_plugin(<out_var>)
#   Adds (once) the target strata-cycle-model-plugin, built with every tree build, producing
#   ${CMAKE_BINARY_DIR}/tools/cycle_model/libstrata-cycle-model.so (tools/benchlib/cycles.py looks for it
#   there), and sets <out_var> to that path.
include_guard(GLOBAL)

function(strata_cycle_model_plugin out_var)
  set(out ${CMAKE_BINARY_DIR}/tools/cycle_model/libstrata-cycle-model.so)
  if(NOT TARGET strata-cycle-model-plugin)
    find_program(STRATA_HOST_CC NAMES gcc cc DOC "Host C compiler for the cycle-model QEMU plugin")
    if(NOT STRATA_HOST_CC)
      message(FATAL_ERROR "The cycle-model QEMU plugin needs a host C compiler: install Debian "
                          "package gcc (tools/setup does it)")
    endif()
    set(dir ${STRATA_ROOT}/tools/cycle_model)
    set(sources ${dir}/plugin.c ${dir}/thumb_decode.c ${dir}/cycle_state.c)
    add_custom_command(OUTPUT ${out}
      COMMAND ${STRATA_HOST_CC} -std=c11 -O2 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden
              -o ${out} ${sources}
      DEPENDS ${sources} ${dir}/thumb_decode.h ${dir}/cycle_state.h ${dir}/qemu_plugin_api.h
      COMMENT "Building the cycle-model QEMU plugin (host compiler)" VERBATIM)
    add_custom_target(strata-cycle-model-plugin ALL DEPENDS ${out})
  endif()
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
