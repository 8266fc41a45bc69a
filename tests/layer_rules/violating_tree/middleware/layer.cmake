strata_layer(NAME middleware)
