# declares no models layer
strata_layer(NAME app DEPENDS middleware bsp-contract)
