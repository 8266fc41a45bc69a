// The FlexSPI NOR configuration block (FCFB) the i.MX RT1062 boot ROM reads at 0x60000000 before it
// can fetch anything else from the serial NOR flash: how to clock and talk to the chip, and the
// lookup table (LUT) whose sequence 0 is the read command used for execute-in-place.
//
// Layout: NXP's flexspi_nor_config_t (448-byte memory config + NOR fields, 512 bytes in all); the
// offsets the ROM relies on are pinned by static_asserts (IMXRT1060RM, System Boot: FlexSPI NOR
// configuration block). A board fills one instance with its flash chip's values and places it in
// section .flexspi_config.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bsp::imxrt1062::boot {

inline constexpr uint32_t kFcfbTag = 0x42464346;  // "FCFB" little-endian

// LUT instruction: opcode [15:10], pads [9:8] (0 = 1 pad, 1 = 2, 2 = 4, 3 = 8), operand [7:0];
// two per 32-bit word, the first in the low half (IMXRT1060RM, FlexSPI LUT).
enum class LutOp : uint16_t {
  kStop = 0x00,
  kCmdSdr = 0x01,
  kRaddrSdr = 0x02,
  kMode8Sdr = 0x07,
  kReadSdr = 0x09,
  kDummySdr = 0x0C,
};
enum class LutPads : uint16_t { k1 = 0, k2 = 1, k4 = 2, k8 = 3 };

constexpr uint16_t lut_instr(LutOp op, LutPads pads, uint8_t operand) {
  return static_cast<uint16_t>((static_cast<uint16_t>(op) << 10) |
                               (static_cast<uint16_t>(pads) << 8) | operand);
}
constexpr uint32_t lut_word(uint16_t first, uint16_t second) {
  return static_cast<uint32_t>(first) | (static_cast<uint32_t>(second) << 16);
}

struct FlexspiMemConfig {
  uint32_t tag;
  uint32_t version;
  uint32_t reserved0;
  uint8_t read_sample_clk_src;  // 1 = loopback from the DQS pad
  uint8_t cs_hold_time;
  uint8_t cs_setup_time;
  uint8_t column_address_width;
  uint8_t device_mode_cfg_enable;
  uint8_t device_mode_type;
  uint16_t wait_time_cfg_commands;
  uint32_t device_mode_seq;
  uint32_t device_mode_arg;
  uint8_t config_cmd_enable;
  uint8_t config_mode_type[3];
  uint32_t config_cmd_seqs[3];
  uint32_t reserved1;
  uint32_t config_cmd_args[3];
  uint32_t reserved2;
  uint32_t controller_misc_option;
  uint8_t device_type;      // 1 = serial NOR
  uint8_t sflash_pad_type;  // data pads: 1, 2, 4 or 8
  uint8_t serial_clk_freq;  // 1 = 30 MHz ... 6 = 100 MHz, 7 = 120, 8 = 133, 9 = 166
  uint8_t lut_custom_seq_enable;
  uint32_t reserved3[2];
  uint32_t sflash_a1_size;
  uint32_t sflash_a2_size;
  uint32_t sflash_b1_size;
  uint32_t sflash_b2_size;
  uint32_t cs_pad_setting_override;
  uint32_t sclk_pad_setting_override;
  uint32_t data_pad_setting_override;
  uint32_t dqs_pad_setting_override;
  uint32_t timeout_in_ms;
  uint32_t command_interval;
  uint16_t data_valid_time[2];
  uint16_t busy_offset;
  uint16_t busy_bit_polarity;
  uint32_t lookup_table[64];
  uint32_t lut_custom_seq[12];
  uint32_t reserved4[4];
};

struct FlexspiNorConfig {
  FlexspiMemConfig mem;
  uint32_t page_size;
  uint32_t sector_size;
  uint8_t ipcmd_serial_clk_freq;
  uint8_t is_uniform_block_size;
  uint8_t reserved0[2];
  uint8_t serial_nor_type;
  uint8_t need_exit_no_cmd_mode;
  uint8_t half_clk_for_non_read_cmd;
  uint8_t need_restore_no_cmd_mode;
  uint32_t block_size;
  uint32_t reserved2[11];
};

static_assert(sizeof(FlexspiMemConfig) == 448, "FlexSPI memory config is 448 bytes");
static_assert(sizeof(FlexspiNorConfig) == 512, "FCFB is 512 bytes");
static_assert(offsetof(FlexspiMemConfig, read_sample_clk_src) == 0x0C, "FCFB layout");
static_assert(offsetof(FlexspiMemConfig, device_type) == 0x44, "FCFB layout");
static_assert(offsetof(FlexspiMemConfig, sflash_a1_size) == 0x50, "FCFB layout");
static_assert(offsetof(FlexspiMemConfig, lookup_table) == 0x80, "FCFB layout");
static_assert(offsetof(FlexspiNorConfig, page_size) == 0x1C0, "FCFB layout");
static_assert(offsetof(FlexspiNorConfig, ipcmd_serial_clk_freq) == 0x1C8, "FCFB layout");
static_assert(offsetof(FlexspiNorConfig, block_size) == 0x1D0, "FCFB layout");

}  // namespace bsp::imxrt1062::boot
