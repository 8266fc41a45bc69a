strata_layer(NAME cortex-m DEPENDS bsp-contract)
