strata_layer(NAME host-tests DEPENDS middleware app)
