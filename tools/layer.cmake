# The host tools: strata-run (runs, inspects and plans any .tflite with the runtime) and the Python
# tools (host link client, benchmark runner, QEMU runners, repository checks). Never board code.
strata_layer(NAME tools DEPENDS middleware models)
