# STM32F7 layer: the SoC drivers (soc/) and the STM32F746G-DISCO board (216/288 MHz, FMC SDRAM, ST-LINK).
strata_layer(NAME stm32f7 DEPENDS bsp-contract cortex-m stm32)
strata_provide_board(stm32f746g-disco ${CMAKE_CURRENT_LIST_DIR}/boards/stm32f746g-disco)
