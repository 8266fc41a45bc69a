// The Teensy 4.0 FlexSPI NOR configuration block, byte for byte where the boot ROM reads it.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "boot/image_vector_table.hpp"
#include "teensy40_flash_config.hpp"

namespace {

using bsp::imxrt1062::boot::FlexspiNorConfig;

std::vector<uint8_t> bytes_of(const FlexspiNorConfig& config) {
  std::vector<uint8_t> out(sizeof(config));
  std::memcpy(out.data(), &config, sizeof(config));
  return out;
}

uint32_t word_at(const std::vector<uint8_t>& b, size_t offset) {
  return b[offset] | b[offset + 1] << 8 | b[offset + 2] << 16 |
         static_cast<uint32_t>(b[offset + 3]) << 24;
}

TEST(BootHeadersTest, ConfigBlockStartsLikePjrcsOwnImages) {
  const std::vector<uint8_t> b = bytes_of(bsp::teensy40::make_flash_config());
  // First HEX data line of blink_slow_Teensy40.hex: 46 43 46 42 00 00 01 56 (PJRC's image).
  const uint8_t start[] = {0x46, 0x43, 0x46, 0x42, 0x00, 0x00, 0x01, 0x56};
  EXPECT_EQ(std::memcmp(b.data(), start, sizeof(start)), 0);
}

TEST(BootHeadersTest, ConfigBlockFieldsAtTheRomOffsets) {
  const std::vector<uint8_t> b = bytes_of(bsp::teensy40::make_flash_config());
  ASSERT_EQ(b.size(), 512u);
  EXPECT_EQ(word_at(b, 0x00C), 0x00020101u);  // loopback DQS, CS hold 1, setup 2
  EXPECT_EQ(word_at(b, 0x044), 0x01060401u);  // serial NOR, 4 pads, 100 MHz, custom LUT flag
  EXPECT_EQ(word_at(b, 0x050), 0x00200000u);  // 2 MB
  EXPECT_EQ(word_at(b, 0x080), 0x0A1804EBu);  // LUT[0]: 0xEB, 24-bit address on 4 pads
  EXPECT_EQ(word_at(b, 0x084), 0x32041EFFu);  // mode 0xFF, 4 dummy cycles
  EXPECT_EQ(word_at(b, 0x088), 0x00002601u);  // read on 4 pads, stop
  EXPECT_EQ(word_at(b, 0x1C0), 256u);
  EXPECT_EQ(word_at(b, 0x1C4), 4096u);
  EXPECT_EQ(b[0x1C8], 1u);
  EXPECT_EQ(word_at(b, 0x1D0), 65536u);
}

TEST(BootHeadersTest, EverythingElseIsZero) {
  const std::vector<uint8_t> b = bytes_of(bsp::teensy40::make_flash_config());
  const size_t used[] = {0x000, 0x004, 0x00C, 0x044, 0x050, 0x080,
                         0x084, 0x088, 0x1C0, 0x1C4, 0x1C8, 0x1D0};
  for (size_t offset = 0; offset < b.size(); offset += 4) {
    bool is_used = false;
    for (size_t u : used) is_used = is_used || u == offset;
    if (!is_used) {
      EXPECT_EQ(word_at(b, offset), 0u) << "offset 0x" << std::hex << offset;
    }
  }
}

TEST(BootHeadersTest, IvtHeaderBytesAreTagLengthBigEndianVersion) {
  const uint32_t h = bsp::imxrt1062::boot::kIvtHeader;
  EXPECT_EQ(h & 0xFF, 0xD1u);
  EXPECT_EQ((h >> 8) & 0xFF, 0x00u);
  EXPECT_EQ((h >> 16) & 0xFF, 0x20u);
  EXPECT_EQ(h >> 24, 0x43u);
  EXPECT_EQ(bsp::imxrt1062::boot::kFlexspiBase + bsp::imxrt1062::boot::kIvtOffset, 0x60001000u);
}

}  // namespace
