// What distinguishes one i.MX RT1062 board from another for the shared board code
// (imxrt1062_board.cpp): the LPUART of its console with its clock gate and pads, and its memory
// regions (the FlexSPI NOR size is the board's). Each board folder defines `kBoardConfig` as
// constant data (constexpr-initialised, in flash), next to its FlexSPI NOR configuration block.
#pragma once

#include <cstddef>
#include <cstdint>

#include "bsp/board.hpp"
#include "imxrt1062_registers.hpp"
#include "iomuxc.hpp"

namespace bsp::imxrt1062 {

struct ConsoleConfig {
  uintptr_t lpuart;
  reg::Gate gate;              // its CCGR clock gate
  const iomuxc::PadRoute* rx;  // routed first (Teensy's order): the line is sampled right away
  const iomuxc::PadRoute* tx;
  uint32_t baud;
};

struct BoardConfig {
  ConsoleConfig console;
  const MemoryRegion* regions;
  std::size_t region_count;
};

extern const BoardConfig kBoardConfig;

// A board's kBoardConfig: its console and memory regions (the count taken from the array).
template <std::size_t kRegionCount>
constexpr BoardConfig board_config(const ConsoleConfig& console,
                                   const MemoryRegion (&regions)[kRegionCount]) {
  return {console, regions, kRegionCount};
}

}  // namespace bsp::imxrt1062
