# The bad-input table (cases.tsv) in CMake, for the host runner (CMakeLists.txt) and the firmware
# tests (firmware/CMakeLists.txt).
#
# strata_bad_input_rows()
#   Reads the table at configure time (a change re-runs the configure) and sets, in the caller's
#   scope, BAD_INPUT_IDS and per row BAD_INPUT_<id>_KIND, _INPUT, _STATUS, _MESSAGE, _FW.
# strata_bad_input_files()
#   Adds target bad_input_files (built by ALL): make_inputs.py writes each row's input file and
#   manifest.tsv into ${CMAKE_CURRENT_BINARY_DIR}/inputs at build time; sets BAD_INPUT_MANIFEST.
# Required: STRATA_ROOT, STRATA_PYTHON (python3 with the flatbuffers module), flatc on PATH.
include_guard(GLOBAL)

set(_bad_input_dir ${CMAKE_CURRENT_LIST_DIR})

function(strata_bad_input_rows)
  set(table ${_bad_input_dir}/cases.tsv)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${table})
  file(STRINGS ${table} lines)
  set(ids "")
  set(field "([^\t]+)\t+")
  foreach(line IN LISTS lines)
    if(line MATCHES "^#" OR line STREQUAL "")
      continue()
    endif()
    if(NOT line MATCHES "^${field}${field}${field}${field}${field}([^\t]+)$")
      message(FATAL_ERROR "${table}: not 6 tab-separated columns: ${line}")
    endif()
    set(id ${CMAKE_MATCH_1})
    list(APPEND ids ${id})
    set(BAD_INPUT_${id}_KIND "${CMAKE_MATCH_2}" PARENT_SCOPE)
    set(BAD_INPUT_${id}_INPUT "${CMAKE_MATCH_3}" PARENT_SCOPE)
    set(BAD_INPUT_${id}_STATUS "${CMAKE_MATCH_4}" PARENT_SCOPE)
    set(BAD_INPUT_${id}_MESSAGE "${CMAKE_MATCH_5}" PARENT_SCOPE)
    set(BAD_INPUT_${id}_FW "${CMAKE_MATCH_6}" PARENT_SCOPE)
  endforeach()
  set(BAD_INPUT_IDS ${ids} PARENT_SCOPE)
endfunction()

function(strata_bad_input_files)
  find_program(STRATA_FLATC flatc REQUIRED)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/inputs)
  file(GLOB base_models ${STRATA_ROOT}/models/*/*.tflite)
  add_custom_command(
    OUTPUT ${out}/manifest.tsv
    COMMAND ${STRATA_PYTHON} ${_bad_input_dir}/make_inputs.py --table ${_bad_input_dir}/cases.tsv
            --out ${out} --root ${STRATA_ROOT} --schema ${STRATA_ROOT}/middleware/schema/tflite.fbs
            --flatc ${STRATA_FLATC} --work ${CMAKE_CURRENT_BINARY_DIR}/schema_py
    DEPENDS ${_bad_input_dir}/cases.tsv ${_bad_input_dir}/make_inputs.py
            ${STRATA_ROOT}/middleware/schema/tflite.fbs ${base_models}
    COMMENT "bad_input: making the bad inputs of tests/bad_input/cases.tsv" VERBATIM)
  add_custom_target(bad_input_files ALL DEPENDS ${out}/manifest.tsv)
  set(BAD_INPUT_MANIFEST ${out}/manifest.tsv PARENT_SCOPE)
endfunction()
