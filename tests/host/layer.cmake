# Host tests of the runtime, both kernels backends and the board-independent app code: never a board.
strata_layer(NAME host-tests DEPENDS middleware app)
