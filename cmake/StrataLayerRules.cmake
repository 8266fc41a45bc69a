# StrataLayerRules: enforces the include rules between layers (docs/architecture.md, section 1).
#
# Produces: target `check_layers` (part of ALL: a forbidden include fails the build) and two tests,
#   `layer_rules_tree` (the real tree is clean) and `layer_rules_catch_violation` (the checker rejects a
#   fixture tree that breaks each rule). Requires: STRATA_ROOT, Python 3 at /usr/bin/python3.
include_guard(GLOBAL)

set(STRATA_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 with Debian's modules (not pyenv's)")
set(_checker ${STRATA_ROOT}/tools/check_layers.py)
add_custom_target(check_layers ALL
  COMMAND ${STRATA_PYTHON} ${_checker} ${STRATA_ROOT}
  COMMENT "Checking layer include rules" VERBATIM)
if(NOT STRATA_HOST_BUILD)
  return()  # the tests below run once, in the host tree
endif()
add_test(NAME layer_rules_tree COMMAND ${STRATA_PYTHON} ${_checker} ${STRATA_ROOT})
add_test(NAME layer_rules_catch_violation
  COMMAND ${STRATA_PYTHON} ${_checker} --expect-violations 4 ${STRATA_ROOT}/tests/layer_rules/violating_tree)
set_tests_properties(layer_rules_tree layer_rules_catch_violation PROPERTIES LABELS "host;layers")

# The set-up script and the Docker image install from one package list.
add_test(NAME package_list_shared COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/check_package_list.py)
# The committed presets are what tools/gen_presets.py makes from the layers.
add_test(NAME presets_up_to_date COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tools/gen_presets.py --check)
set_tests_properties(package_list_shared presets_up_to_date PROPERTIES LABELS "host;tools")
