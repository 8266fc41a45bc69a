# StrataModel: turns a .tflite file into a linkable model library at build time.
#
# strata_add_model(<target> FILE <model.tflite> KERNELS <backend> [SAMPLES <folder>] [NAME <name>])
#   Runs models/gen/strata_gen.py (python3 + jinja2) at build time and compiles what it writes into
#   ${CMAKE_BINARY_DIR}/generated/models/<target>/ as STATIC library <target>:
#     strata_model.hpp   namespace strata_models::<name> with kArenaBytes (the arena size computed by
#                        the runtime's own planner, `strata-run --plan`), kModelBytes, kModelData and
#                        kInfo (strata_models::ModelInfo), aliased as strata_models::built_in
#     model_data.cpp     the .tflite bytes (alignas(16))
#     model_info.cpp     an op resolver holding only the ops the model uses (<backend> kernels,
#                        reference kernels for ops the backend lacks), input/output metadata, MACs
#     samples.cpp        the inputs of SAMPLES/samples.json that fit the model's input type
#     op_names.cpp       strata::OpName knowing only the resolver's ops, as OBJECT library
#                        <target>_op_names: a firmware links it instead of the runtime's table of
#                        every op's name (host tools and tests keep that one)
#     model_meta.json    the same metadata for tools and tests
#   The library links the runtime and the kernels backend. NAME (default <target>) is the display
#   name and, with non-identifier characters replaced by `_`, the C++ namespace.
#   The build fails with both sizes in the message when the planned arena exceeds the board's arena
#   region (STRATA_BOARD_ARENA_BYTES) or the model bytes its flash (STRATA_BOARD_FLASH_BYTES); boards
#   that set neither are only checked by their linker script.
#
# The planner runs on the host:
#   host builds   use the tree's own `strata-run` target;
#   cross builds  use the cache variable STRATA_RUN (path to a host strata-run, e.g.
#                 <repo>/build/host/tools/strata-run/strata-run) or, when it is empty, the one of a
#                 tools tree shared by every build tree (STRATA_HOST_TOOLS_DIR, default
#                 <repo>/build/host-tools: only the middleware and strata-run, built with the host
#                 compiler by cmake/strata_host_planner.cmake the first time a tree needs it, and
#                 brought up to date on every build so middleware edits reach the arena figures).
# Required: STRATA_PYTHON (python3 with jinja2 and flatbuffers), flatc (STRATA_FLATC).
# The functions find the generator and the Strata tree from this file's location, so they work in
# any project that includes this file (Strata's own trees, or a project that add_subdirectory()s
# Strata as a library: see docs/models.md).
include_guard(GLOBAL)

set(STRATA_RUN "" CACHE FILEPATH
    "Host strata-run used for build-time arena planning in cross builds (empty: the shared one)")
get_filename_component(_strata_root ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
set(STRATA_HOST_TOOLS_DIR ${_strata_root}/build/host-tools CACHE PATH
    "Tools tree shared by the cross build trees: the host strata-run they plan arenas with")

# The Strata tree (root) and its generator folder (gen), in the caller's scope: the functions are
# called from other directories than the one that included this file.
macro(_strata_model_paths root gen)
  get_filename_component(${root} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/.. ABSOLUTE)
  set(${gen} ${${root}}/models/gen)
endmacro()

# Sets <out_var> to the strata-run executable and <dep_var> to what the generator must depend on.
function(_strata_planner_tool out_var dep_var)
  _strata_model_paths(root gen)
  if(TARGET strata-run)
    set(${out_var} $<TARGET_FILE:strata-run> PARENT_SCOPE)
    set(${dep_var} strata-run PARENT_SCOPE)
    return()
  endif()
  if(STRATA_RUN)
    if(NOT EXISTS ${STRATA_RUN})
      message(FATAL_ERROR "STRATA_RUN=${STRATA_RUN} does not exist (build the host preset first, "
                          "or leave STRATA_RUN empty to use the shared ${STRATA_HOST_TOOLS_DIR})")
    endif()
    set(${out_var} ${STRATA_RUN} PARENT_SCOPE)
    set(${dep_var} ${STRATA_RUN} PARENT_SCOPE)
    return()
  endif()
  set(tool ${STRATA_HOST_TOOLS_DIR}/tools/strata-run/strata-run)
  if(NOT TARGET strata_host_planner)
    # Runs on every build (it is quick when nothing changed); the lock inside keeps trees that
    # build at the same time from building the shared tree together.
    add_custom_target(strata_host_planner
      COMMAND ${CMAKE_COMMAND} -DSTRATA_ROOT=${root} -DHOST_TOOLS_DIR=${STRATA_HOST_TOOLS_DIR}
              -P ${root}/cmake/strata_host_planner.cmake
      BYPRODUCTS ${tool}
      COMMENT "host planner: strata-run in ${STRATA_HOST_TOOLS_DIR}" VERBATIM)
  endif()
  set(${out_var} ${tool} PARENT_SCOPE)
  set(${dep_var} strata_host_planner ${tool} PARENT_SCOPE)
endfunction()

# strata_model_support_library(): the classes every model library and strata-run share
# (ModelSession, LayerProfile) as target strata_model_support, built once per tree.
function(strata_model_support_library)
  _strata_model_paths(root gen)
  if(NOT TARGET strata_model_support)
    add_library(strata_model_support STATIC ${gen}/support/model_session.cpp
                                            ${gen}/support/layer_profile.cpp)
    target_include_directories(strata_model_support PUBLIC ${gen}/include)
    target_link_libraries(strata_model_support PUBLIC strata_runtime)
  endif()
endfunction()

function(strata_add_model target)
  cmake_parse_arguments(M "" "FILE;KERNELS;SAMPLES;NAME" "" ${ARGN})
  if(NOT M_FILE OR NOT M_KERNELS)
    message(FATAL_ERROR "strata_add_model(${target}): FILE and KERNELS are required")
  endif()
  get_filename_component(M_FILE ${M_FILE} ABSOLUTE)
  if(NOT EXISTS ${M_FILE})
    message(FATAL_ERROR "strata_add_model(${target}): ${M_FILE} does not exist")
  endif()
  if(NOT M_NAME)
    set(M_NAME ${target})
  endif()
  _strata_model_paths(root gen)
  set(kernels_dir ${root}/middleware/kernels)
  if(NOT TARGET strata_kernels_${M_KERNELS})
    message(FATAL_ERROR "strata_add_model(${target}): kernels backend '${M_KERNELS}' is not built "
                        "in this tree")
  endif()
  _strata_planner_tool(planner planner_deps)

  set(out ${CMAKE_BINARY_DIR}/generated/models/${target})
  set(outputs ${out}/strata_model.hpp ${out}/model_data.cpp ${out}/model_info.cpp ${out}/samples.cpp
              ${out}/op_names.cpp ${out}/model_meta.json)
  set(cmd ${STRATA_PYTHON} ${gen}/strata_gen.py --model ${M_FILE} --name ${M_NAME}
          --kernels ${M_KERNELS} --out-dir ${out} --strata-run ${planner} --flatc ${STRATA_FLATC}
          --board=${STRATA_BOARD})
  file(GLOB gen_deps ${gen}/*.py ${gen}/templates/*.j2)
  list(APPEND gen_deps ${M_FILE} ${root}/middleware/schema/tflite.fbs
              ${kernels_dir}/op_manifest.txt ${kernels_dir}/op_manifest.py)
  if(M_SAMPLES)
    get_filename_component(M_SAMPLES ${M_SAMPLES} ABSOLUTE)
    list(APPEND cmd --samples ${M_SAMPLES})
    file(GLOB sample_files ${M_SAMPLES}/*)
    list(APPEND gen_deps ${sample_files})
  endif()
  if(STRATA_BOARD_ARENA_BYTES)
    list(APPEND cmd --arena-limit ${STRATA_BOARD_ARENA_BYTES})
  endif()
  if(STRATA_BOARD_FLASH_BYTES)
    list(APPEND cmd --flash-limit ${STRATA_BOARD_FLASH_BYTES})
  endif()
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${cmd}
    DEPENDS ${gen_deps} ${planner_deps}
    COMMENT "strata_gen: ${M_NAME} (${M_KERNELS} kernels) from ${M_FILE}" VERBATIM)

  add_library(${target} STATIC ${out}/model_data.cpp ${out}/model_info.cpp ${out}/samples.cpp)
  target_include_directories(${target} PUBLIC ${out})
  strata_model_support_library()
  target_link_libraries(${target} PUBLIC strata_model_support strata_kernels_${M_KERNELS})
  if(NOT M_KERNELS STREQUAL "reference")
    target_link_libraries(${target} PUBLIC strata_kernels_reference)
  endif()
  add_library(${target}_op_names OBJECT ${out}/op_names.cpp)
  target_link_libraries(${target}_op_names PRIVATE strata_base)
  set_target_properties(${target} PROPERTIES STRATA_MODEL_META ${out}/model_meta.json
                                             STRATA_MODEL_NAME ${M_NAME})
endfunction()
