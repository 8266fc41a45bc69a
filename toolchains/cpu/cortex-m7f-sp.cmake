# Cortex-M7 with the single-precision FPU (STM32F746: FPv5-SP-D16), hard-float ABI.
# Also the Cortex-M7 virtual board (QEMU mps2-an500), so instruction counts match the F7 build.
set(STRATA_CPU_FLAGS -mcpu=cortex-m7 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard)
set(STRATA_CPU_CORE cortex-m7)
