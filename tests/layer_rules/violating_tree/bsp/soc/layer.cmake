# a SoC layer with one board
strata_layer(NAME soc DEPENDS bsp-contract cortex-m)
