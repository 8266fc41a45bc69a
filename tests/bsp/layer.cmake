# Host tests of the board code: SoC drivers against a fake register space, linked-image checks.
strata_layer(NAME bsp-tests DEPENDS bsp-contract cortex-m stm32 stm32f4 stm32f7 imxrt1062-boards)
