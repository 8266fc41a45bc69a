// Where the linker put this image (i.MX RT1062 linker script symbols), for the boot hook (FlexRAM
// split, VTOR, stack guard) and for the board's `placement` command.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::image {

struct Span {
  uint32_t start;
  uint32_t bytes;
};

struct Layout {
  uint32_t itcm_banks;
  uint32_t dtcm_banks;
  uint32_t vector_table;
  uint32_t stack_guard;
  Span fast_code;   // ITCM
  Span dtcm_used;   // everything the image keeps in DTCM
  Span ocram_used;  // stack, large data, and the arena/weights when they went there
  Span arena;
  Span weights;          // run address: DTCM, OCRAM or flash
  uint32_t flash_bytes;  // the image from 0x60000000
};

Layout layout();

}  // namespace bsp::imxrt1062::image
