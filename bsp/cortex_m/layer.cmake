# The Cortex-M core layer: startup, vector table, faults, DWT, SysTick, caches, MPU, semihosting.
strata_layer(NAME cortex-m DEPENDS bsp-contract)
