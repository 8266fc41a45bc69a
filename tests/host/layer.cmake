# Host tests of the runtime, both kernels backends, the board-independent app code (with a generated
# model) and the host tools (the cycle-model plugin's decoder): never a board.
strata_layer(NAME host-tests DEPENDS middleware app models tools)
