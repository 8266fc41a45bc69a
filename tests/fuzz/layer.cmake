# libFuzzer targets: the runtime and the app's console parsers, on the host.
strata_layer(NAME fuzz-tests DEPENDS middleware app)
