// The Teensy 4.0 FCFB instance, in section .flexspi_config (placed at 0x60000000 by the linker).
#include "teensy40_flash_config.hpp"

extern "C" __attribute__((section(".flexspi_config"), used))
const bsp::imxrt1062::boot::FlexspiNorConfig g_teensy40_flexspi_nor_config =
    bsp::teensy40::make_flash_config();
