# Code shared by the STM32 SoC layers (stm32f4, stm32f7): peripheral blocks that are identical on both
# chips: the independent watchdog (IWDG) and the RCC, FLASH_ACR, PWR and GPIO register definitions
# (stm32_registers.hpp). Provides no board; the SoC layers depend on it.
strata_layer(NAME stm32 DEPENDS bsp-contract cortex-m)
