// STM32F746G-DISCO: the console (ST-LINK virtual COM port or Arduino header, STRATA_F7_CONSOLE),
// the memory map (RM0385 memory map; UM1907) and the 8 MB SDRAM (sdram_board.hpp). The rest is the
// STM32F7 code's (board_config.hpp).
#include "board_config.hpp"

#include "board_options.hpp"
#include "sdram_board.hpp"

namespace bsp::stm32f7 {
namespace {

// SRAM1 and SRAM2 are contiguous and the linker script uses them as one region.
constexpr MemoryRegion kRegions[] = {
    {"Flash (AXIM)", 0x08000000, 1024u * 1024u}, {"ITCM RAM", 0x00000000, 16u * 1024u},
    {"DTCM", 0x20000000, 64u * 1024u},           {"SRAM1", 0x20010000, 240u * 1024u},
    {"SRAM2", 0x2004C000, 16u * 1024u},          {"SDRAM (FMC)", 0xC0000000, 8u * 1024u * 1024u},
};

constexpr SdramConfig kSdram = {stm32f746g_disco::sdram::kBase, stm32f746g_disco::sdram::kSizeLog2,
                                stm32f746g_disco::sdram::bring_up};

}  // namespace

// Constant data in flash (constexpr), readable by the early boot hooks before .data exists.
constexpr BoardConfig kBoardConfig =
    board_config(board_options::kConsoleUsart6 ? usart::kUsart6Arduino : usart::kUsart1Vcp,
                 kRegions, kSdram, board_options::kArenaInSdram);

}  // namespace bsp::stm32f7
