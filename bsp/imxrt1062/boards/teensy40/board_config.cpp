// Teensy 4.0: the console on pins 14 (TX) / 15 (RX) = LPUART2 at 115200 8N1, the memory map with
// its 2 MB FlexSPI NOR, and the FlexSPI NOR configuration block of that flash chip (section
// .flexspi_config, placed at 0x60000000 by the linker). The rest is the i.MX RT1062 code's.
#include "soc/board_config.hpp"

#include "teensy40_flash_config.hpp"

namespace bsp::imxrt1062 {
namespace {

constexpr MemoryRegion kRegions[] = {
    {"ITCM (FlexRAM)", 0x00000000, 512u * 1024},
    {"DTCM (FlexRAM)", 0x20000000, 512u * 1024},
    {"OCRAM2", 0x20200000, 512u * 1024},
    {"FlexSPI NOR", 0x60000000, teensy40::kFlashBytes},
};

constexpr ConsoleConfig kLpuart2OnPins14And15 = {
    reg::kLpuart2, reg::kGateLpuart2, &iomuxc::kLpuart2RxPin15, &iomuxc::kLpuart2TxPin14, 115200};

}  // namespace

constexpr BoardConfig kBoardConfig = board_config(kLpuart2OnPins14And15, kRegions);

}  // namespace bsp::imxrt1062

extern "C" __attribute__((section(".flexspi_config"), used))
const bsp::imxrt1062::boot::FlexspiNorConfig g_teensy40_flexspi_nor_config =
    bsp::teensy40::make_flash_config();
