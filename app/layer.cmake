# The app layer: boot banner, console shell, model commands, host link protocol.
strata_layer(NAME app DEPENDS middleware cortex-m)
