# An example out-of-tree layer, as a user would keep in their own repository: a variant of a Strata
# board and a model of their own. Built by the `external_layer` test with
# -DSTRATA_EXTRA_LAYERS=<this folder>, proving a layer needs no change to the Strata tree.
strata_layer(NAME example-external DEPENDS qemu-boards models)
strata_provide_board(mps2-an500-bigstack ${CMAKE_CURRENT_LIST_DIR}/boards/mps2-an500-bigstack)
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/models/example_sine.tflite)
  strata_provide_model(example-sine ${CMAKE_CURRENT_LIST_DIR}/models/example_sine.tflite)
endif()
