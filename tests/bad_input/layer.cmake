# The bad-input table: the runtime, the app's shell and host link, on the host and on virtual boards.
strata_layer(NAME bad-input-tests DEPENDS middleware app models bsp-contract cortex-m firmware-tests)
