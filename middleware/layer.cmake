# The middleware layer: the inference runtime and its kernel backends. Talks to boards only through
# the port interface it defines (middleware/include/strata/port.hpp).
strata_layer(NAME middleware)
strata_provide_kernels(reference)
strata_provide_kernels(optimized)
