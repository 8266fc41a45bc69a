# Cortex-M7 with the double-precision FPU (i.MX RT1062: FPv5-D16), hard-float ABI.
set(STRATA_CPU_FLAGS -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard)
set(STRATA_CPU_CORE cortex-m7)
