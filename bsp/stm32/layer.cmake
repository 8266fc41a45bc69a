# Code shared by the STM32 SoC layers (stm32f4, stm32f7): peripheral blocks that are identical on both
# chips, starting with the independent watchdog (IWDG). Provides no board; the SoC layers depend on it.
strata_layer(NAME stm32 DEPENDS cortex-m)
