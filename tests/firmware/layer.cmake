# Firmware test images for the virtual boards: the runtime and kernels on the bsp contract, with
# semihosting from the Cortex-M layer for file access and the exit code.
strata_layer(NAME firmware-tests DEPENDS middleware bsp-contract cortex-m)
