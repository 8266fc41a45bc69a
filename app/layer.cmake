# The app layer: boot banner, console shell, model commands, host link protocol. It runs the built-in
# model (models layer) with the runtime (middleware) and reaches the board only through the bsp
# contract (bsp/include/bsp): which board it runs on is decided by the link, never by an include.
strata_layer(NAME app DEPENDS middleware models bsp-contract)
