// The FlexSPI NOR configuration block for the Teensy 4.0's 2 MB QSPI flash (a Winbond W25Q16JV
// class part): Teensy's own values (PJRC's Teensy core, bootdata.c), known to boot this board.
//
// Quad I/O fast read 0xEB at 100 MHz: command on 1 pad, 24-bit address and the 0xFF mode byte on 4
// pads, 4 dummy cycles, data on 4 pads. The rest of the block is zero.
#pragma once

#include "boot/flexspi_nor_config.hpp"

namespace bsp::teensy40 {

inline constexpr uint32_t kFlashBytes = 2 * 1024 * 1024;

constexpr imxrt1062::boot::FlexspiNorConfig make_flash_config() {
  using imxrt1062::boot::lut_instr;
  using imxrt1062::boot::lut_word;
  using imxrt1062::boot::LutOp;
  using imxrt1062::boot::LutPads;
  imxrt1062::boot::FlexspiNorConfig c{};
  c.mem.tag = imxrt1062::boot::kFcfbTag;
  c.mem.version = 0x56010000;  // 'V' 1.0.0
  c.mem.read_sample_clk_src = 1;
  c.mem.cs_hold_time = 1;
  c.mem.cs_setup_time = 2;
  c.mem.device_type = 1;
  c.mem.sflash_pad_type = 4;
  c.mem.serial_clk_freq = 6;  // 100 MHz
  c.mem.lut_custom_seq_enable = 1;
  c.mem.sflash_a1_size = kFlashBytes;
  // Sequence 0 (the ROM's XIP read): Quad I/O fast read.
  c.mem.lookup_table[0] = lut_word(lut_instr(LutOp::kCmdSdr, LutPads::k1, 0xEB),
                                   lut_instr(LutOp::kRaddrSdr, LutPads::k4, 24));
  c.mem.lookup_table[1] = lut_word(lut_instr(LutOp::kMode8Sdr, LutPads::k4, 0xFF),
                                   lut_instr(LutOp::kDummySdr, LutPads::k4, 4));
  c.mem.lookup_table[2] =
      lut_word(lut_instr(LutOp::kReadSdr, LutPads::k4, 1), lut_instr(LutOp::kStop, LutPads::k1, 0));
  c.page_size = 256;
  c.sector_size = 4096;
  c.ipcmd_serial_clk_freq = 1;  // 30 MHz for erase/program commands
  c.block_size = 64 * 1024;
  return c;
}

static_assert(make_flash_config().mem.lookup_table[0] == 0x0A1804EB, "LUT word 0 as Teensy's");
static_assert(make_flash_config().mem.lookup_table[1] == 0x32041EFF, "LUT word 1 as Teensy's");
static_assert(make_flash_config().mem.lookup_table[2] == 0x00002601, "LUT word 2 as Teensy's");

}  // namespace bsp::teensy40
