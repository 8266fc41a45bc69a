# Real-model conformance on the host: the runtime through the host tools' kernels backends.
strata_layer(NAME conformance-tests DEPENDS middleware tools)
