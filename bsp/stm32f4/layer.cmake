# STM32F4 boards (Cortex-M4F): the STM32F407G-DISC1, the NUCLEO-F411RE, and the Netduino Plus 2
# (STM32F405) as QEMU's netduinoplus2 models it, the virtual board on which this SoC code is tested.
strata_layer(NAME stm32f4 DEPENDS bsp-contract cortex-m stm32)
strata_provide_board(stm32f407g-disc1 ${CMAKE_CURRENT_LIST_DIR}/boards/stm32f407g-disc1)
strata_provide_board(nucleo-f411re ${CMAKE_CURRENT_LIST_DIR}/boards/nucleo-f411re)
strata_provide_board(netduinoplus2 ${CMAKE_CURRENT_LIST_DIR}/boards/netduinoplus2)
