# StrataLayerRules: enforces the include rules between layers (docs/architecture.md, section 1).
#
# The rules are the DEPENDS of the layer.cmake files: a file may include its own layer and the layers
# its layer declares (tools/check_layers.py reads them; STRATA_EXTRA_LAYERS folders are checked too).
# Produces: target `check_layers` (part of ALL: a forbidden include fails the build) and two tests,
#   `layer_rules_tree` (the real tree is clean) and `layer_rules_catch_violation` (the checker reports
#   exactly the violations listed for a fixture tree that breaks each kind of rule). Requires:
#   STRATA_ROOT, Python 3 at /usr/bin/python3.
include_guard(GLOBAL)

set(STRATA_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 with Debian's modules (not pyenv's)")
set(_checker ${STRATA_ROOT}/tools/check_layers.py)
set(_extra_args "")
foreach(extra IN LISTS STRATA_EXTRA_LAYERS)
  get_filename_component(extra ${extra} ABSOLUTE)
  list(APPEND _extra_args --extra ${extra})
endforeach()
add_custom_target(check_layers ALL
  COMMAND ${STRATA_PYTHON} ${_checker} ${STRATA_ROOT} ${_extra_args}
  COMMENT "Checking layer include rules" VERBATIM)
if(NOT STRATA_HOST_BUILD)
  return()  # the tests below run once, in the host tree
endif()
add_test(NAME layer_rules_tree COMMAND ${STRATA_PYTHON} ${_checker} ${STRATA_ROOT})
set(_fixture ${STRATA_ROOT}/tests/layer_rules/violating_tree)
add_test(NAME layer_rules_catch_violation
  COMMAND ${STRATA_PYTHON} ${_checker} --expect ${_fixture}/expected.txt ${_fixture})
set_tests_properties(layer_rules_tree layer_rules_catch_violation PROPERTIES LABELS "host;layers")

# The set-up script and the Docker image install from one package list.
add_test(NAME package_list_shared COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/check_package_list.py)
# The committed presets are what tools/gen_presets.py makes from the layers.
add_test(NAME presets_up_to_date COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/gen_presets.py --check)
set_tests_properties(package_list_shared presets_up_to_date PROPERTIES LABELS "host;tools")
