strata_layer(NAME bsp-contract)
