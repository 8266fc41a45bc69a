# libFuzzer targets: the runtime (through strata-run's kernel backends) and the app's console
# parsers with a generated model, on the host.
strata_layer(NAME fuzz-tests DEPENDS middleware app models tools)
