# Cortex-M4 with the single-precision FPU (STM32F4, QEMU mps2-an386 and netduinoplus2), hard-float ABI.
set(STRATA_CPU_FLAGS -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
set(STRATA_CPU_CORE cortex-m4)
