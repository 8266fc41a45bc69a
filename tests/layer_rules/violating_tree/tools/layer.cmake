strata_layer(NAME tools DEPENDS middleware models)
