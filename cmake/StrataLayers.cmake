# StrataLayers: the layer registry (Yocto-style layers for CMake).
#
# Produces: global properties listing every layer, board, model and kernels backend, loaded from
#   <root>/*/layer.cmake, <root>/bsp/*/layer.cmake, <root>/tests/*/layer.cmake and each folder in
#   STRATA_EXTRA_LAYERS.
# A layer.cmake calls, in this order:
#   strata_layer(NAME <name> [DEPENDS <layer>...])
#   strata_provide_board(<board-id> <folder holding board.cmake>)    (any number)
#   strata_provide_model(<model-id> <file.tflite> [SAMPLES <folder>] [BOARDS <board-id>...])
#                                                                     (any number; BOARDS: the only
#     boards whose `all` / CI trees build it, e.g. a test-sized model on the virtual boards only)
#   strata_provide_kernels(<backend>)                                 (any number)
# Required: nothing. Optional: STRATA_EXTRA_LAYERS (list of folders, each with a layer.cmake);
#   STRATA_MODEL_FILE (a .tflite file: registered as model STRATA_MODEL_NAME, default the file's name
#   without .tflite, with STRATA_MODEL_SAMPLES as its samples folder; a firmware tree then builds
#   that model instead of STRATA_MODEL, see cmake/StrataFirmwareBuild.cmake).
# strata_load_layers() fails the configure when a layer depends on a missing layer, the graph has a
# cycle, or two layers provide the same board or model id. DEPENDS is also the include rule: a file
# may include only its own layer and the layers its layer.cmake names (tools/check_layers.py).
include_guard(GLOBAL)

set(STRATA_EXTRA_LAYERS "" CACHE STRING "Out-of-tree layer folders (each holds a layer.cmake)")
set(STRATA_MODEL_FILE "" CACHE FILEPATH "Your .tflite model: built instead of STRATA_MODEL")
set(STRATA_MODEL_SAMPLES "" CACHE PATH "Samples folder of STRATA_MODEL_FILE (optional)")
set(STRATA_MODEL_NAME "" CACHE STRING "Model id of STRATA_MODEL_FILE (default: its file name)")

function(strata_layer)
  cmake_parse_arguments(L "" "NAME" "DEPENDS" ${ARGN})
  if(NOT L_NAME)
    message(FATAL_ERROR "strata_layer() in ${CMAKE_CURRENT_LIST_FILE}: NAME is required")
  endif()
  get_property(known GLOBAL PROPERTY STRATA_LAYERS)
  if(L_NAME IN_LIST known)
    message(FATAL_ERROR "layer '${L_NAME}' declared twice (second: ${CMAKE_CURRENT_LIST_FILE})")
  endif()
  set_property(GLOBAL APPEND PROPERTY STRATA_LAYERS ${L_NAME})
  set_property(GLOBAL PROPERTY STRATA_LAYER_${L_NAME}_DEPENDS "${L_DEPENDS}")
  get_filename_component(dir ${CMAKE_CURRENT_LIST_FILE} DIRECTORY)
  set_property(GLOBAL PROPERTY STRATA_LAYER_${L_NAME}_DIR ${dir})
  set_property(GLOBAL PROPERTY STRATA_CURRENT_LAYER ${L_NAME})
endfunction()

# Records <kind> <id> for the layer being loaded; ids are unique across layers.
function(_strata_provide kind id)
  get_property(layer GLOBAL PROPERTY STRATA_CURRENT_LAYER)
  get_property(ids GLOBAL PROPERTY STRATA_${kind}S)
  if(id IN_LIST ids)
    get_property(owner GLOBAL PROPERTY STRATA_${kind}_${id}_LAYER)
    message(FATAL_ERROR "${kind} '${id}' is provided by both layer '${owner}' and layer '${layer}'")
  endif()
  set_property(GLOBAL APPEND PROPERTY STRATA_${kind}S ${id})
  set_property(GLOBAL PROPERTY STRATA_${kind}_${id}_LAYER ${layer})
endfunction()

function(strata_provide_board id dir)
  _strata_provide(BOARD ${id})
  if(NOT EXISTS ${dir}/board.cmake)
    message(FATAL_ERROR "board '${id}': ${dir}/board.cmake does not exist")
  endif()
  set_property(GLOBAL PROPERTY STRATA_BOARD_${id}_DIR ${dir})
endfunction()

function(strata_provide_model id file)
  cmake_parse_arguments(M "" "SAMPLES" "BOARDS" ${ARGN})
  _strata_provide(MODEL ${id})
  set_property(GLOBAL PROPERTY STRATA_MODEL_${id}_FILE ${file})
  set_property(GLOBAL PROPERTY STRATA_MODEL_${id}_SAMPLES "${M_SAMPLES}")
  set_property(GLOBAL PROPERTY STRATA_MODEL_${id}_BOARDS "${M_BOARDS}")
endfunction()

function(strata_provide_kernels backend)
  _strata_provide(KERNELS ${backend})
endfunction()

# Registers STRATA_MODEL_FILE as a model (global property STRATA_MODEL_FILE_ID holds its id).
function(_strata_provide_model_file)
  if(NOT STRATA_MODEL_FILE)
    return()
  endif()
  if(NOT EXISTS ${STRATA_MODEL_FILE} OR IS_DIRECTORY ${STRATA_MODEL_FILE})
    message(FATAL_ERROR "STRATA_MODEL_FILE=${STRATA_MODEL_FILE} is not a file")
  endif()
  if(STRATA_MODEL_SAMPLES AND NOT EXISTS ${STRATA_MODEL_SAMPLES}/samples.json)
    message(FATAL_ERROR "STRATA_MODEL_SAMPLES=${STRATA_MODEL_SAMPLES} holds no samples.json "
                        "(format: docs/models.md, Samples)")
  endif()
  set(id "${STRATA_MODEL_NAME}")
  if(NOT id)
    get_filename_component(id ${STRATA_MODEL_FILE} NAME_WLE)
  endif()
  if(NOT id MATCHES "^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    message(FATAL_ERROR "STRATA_MODEL_FILE: '${id}' cannot name a firmware: set "
                        "-DSTRATA_MODEL_NAME=<letters, digits, - _ .>")
  endif()
  get_property(ids GLOBAL PROPERTY STRATA_MODELS)
  if(id IN_LIST ids)
    get_property(owner GLOBAL PROPERTY STRATA_MODEL_${id}_LAYER)
    message(FATAL_ERROR "STRATA_MODEL_FILE: layer '${owner}' already has a model '${id}': choose "
                        "another id with -DSTRATA_MODEL_NAME=<id>")
  endif()
  set_property(GLOBAL PROPERTY STRATA_CURRENT_LAYER STRATA_MODEL_FILE)
  strata_provide_model(${id} ${STRATA_MODEL_FILE} SAMPLES "${STRATA_MODEL_SAMPLES}")
  set_property(GLOBAL PROPERTY STRATA_MODEL_FILE_ID ${id})
endfunction()

# Depth-first walk that fails on a cycle; `path` is the chain that led here.
function(_strata_check_layer_cycles layer path)
  if(layer IN_LIST path)
    string(REPLACE ";" " -> " chain "${path};${layer}")
    message(FATAL_ERROR "layer dependency cycle: ${chain}")
  endif()
  get_property(deps GLOBAL PROPERTY STRATA_LAYER_${layer}_DEPENDS)
  foreach(dep IN LISTS deps)
    _strata_check_layer_cycles(${dep} "${path};${layer}")
  endforeach()
endfunction()

function(strata_load_layers)
  file(GLOB files ${STRATA_ROOT}/*/layer.cmake ${STRATA_ROOT}/bsp/*/layer.cmake
                  ${STRATA_ROOT}/tests/*/layer.cmake)
  foreach(extra IN LISTS STRATA_EXTRA_LAYERS)
    get_filename_component(extra ${extra} ABSOLUTE)
    if(NOT EXISTS ${extra}/layer.cmake)
      message(FATAL_ERROR "STRATA_EXTRA_LAYERS: ${extra}/layer.cmake does not exist")
    endif()
    list(APPEND files ${extra}/layer.cmake)
  endforeach()
  foreach(file IN LISTS files)
    include(${file})
  endforeach()
  _strata_provide_model_file()
  get_property(layers GLOBAL PROPERTY STRATA_LAYERS)
  foreach(layer IN LISTS layers)
    get_property(deps GLOBAL PROPERTY STRATA_LAYER_${layer}_DEPENDS)
    foreach(dep IN LISTS deps)
      if(NOT dep IN_LIST layers)
        message(FATAL_ERROR "layer '${layer}' depends on '${dep}', which no layer.cmake declares")
      endif()
    endforeach()
    _strata_check_layer_cycles(${layer} "")
  endforeach()
endfunction()

# Fails the configure unless `value` is one of the registered ids of `kind`, listing the valid ones.
function(strata_require_known kind variable value)
  get_property(ids GLOBAL PROPERTY STRATA_${kind}S)
  if(NOT value IN_LIST ids)
    list(SORT ids)
    list(JOIN ids "\n    " valid)
    message(FATAL_ERROR "Unknown ${variable}='${value}'. Valid values:\n    ${valid}")
  endif()
endfunction()
