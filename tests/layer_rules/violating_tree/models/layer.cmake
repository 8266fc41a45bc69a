strata_layer(NAME models DEPENDS middleware)
