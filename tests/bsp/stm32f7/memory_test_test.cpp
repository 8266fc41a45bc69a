// The `sdram` command's RAM test, run on fake memory: it passes on good memory and catches a stuck
// data bit, two aliased addresses, and a stuck bit the plain address pattern cannot see; the
// D-cache is pushed out before every verification.
#include "memory_test.hpp"

#include <gtest/gtest.h>

#include "fake_mmio.hpp"

namespace {

namespace memory_test = bsp::stm32f7::memory_test;

constexpr uintptr_t kBase = 0xC0100000;
constexpr uint32_t kBytes = 4096;
constexpr uintptr_t kCcsidr = 0xE000ED80;
constexpr uintptr_t kDccisw = 0xE000EF74;
constexpr uintptr_t kDccimvac = 0xE000EF70;

TEST(Stm32f7MemoryTest, GoodMemoryPassesAndEndsWithTheComplement) {
  fake_mmio::reset();
  const memory_test::Result result = memory_test::run(kBase, kBytes);
  EXPECT_TRUE(result.passed) << result.test;
  EXPECT_EQ(result.bytes_tested, kBytes);
  for (uintptr_t a = kBase; a < kBase + kBytes; a += 4) {
    ASSERT_EQ(fake_mmio::value(a), ~static_cast<uint32_t>(a));
  }
}

TEST(Stm32f7MemoryTest, StuckDataLineFailsWalkingOnes) {
  fake_mmio::reset();
  fake_mmio::on_write(kBase, [](uint32_t v) { return v | (1u << 7); });  // D7 stuck high
  const memory_test::Result result = memory_test::run(kBase, kBytes);
  ASSERT_FALSE(result.passed);
  EXPECT_STREQ(result.test, "walking-ones");
  EXPECT_EQ(result.expected, 1u);
  EXPECT_EQ(result.actual, 0x81u);
}

TEST(Stm32f7MemoryTest, AliasedAddressFailsAddressInAddress) {
  fake_mmio::reset();
  // An open address line: the word at +0x400 is the same cell as the first word.
  fake_mmio::on_write(kBase + 0x400, [](uint32_t v) {
    fake_mmio::preset(kBase, v);
    return v;
  });
  const memory_test::Result result = memory_test::run(kBase, kBytes);
  ASSERT_FALSE(result.passed);
  EXPECT_STREQ(result.test, "address-in-address");
  EXPECT_EQ(result.address, kBase);
  EXPECT_EQ(result.expected, static_cast<uint32_t>(kBase));
  EXPECT_EQ(result.actual, static_cast<uint32_t>(kBase + 0x400));
}

TEST(Stm32f7MemoryTest, BitStuckAtTheAddressValueNeedsTheComplementPass) {
  fake_mmio::reset();
  // Bit 4 stuck high at an address whose own bit 4 is 1: the address pattern reads back correctly.
  constexpr uintptr_t kWord = kBase + 0x10;
  fake_mmio::on_write(kWord, [](uint32_t v) { return v | 0x10u; });
  const memory_test::Result result = memory_test::address_in_address(kBase, kBytes);
  ASSERT_FALSE(result.passed);
  EXPECT_STREQ(result.test, "address-complement");
  EXPECT_EQ(result.address, kWord);
}

TEST(Stm32f7MemoryTest, CacheIsCleanedBeforeReadingBack) {
  fake_mmio::reset();
  fake_mmio::preset(kCcsidr, 0xF003E019);  // F7 L1 D-cache: 32 sets x 4 ways x 32 bytes
  ASSERT_TRUE(memory_test::run(kBase, 256).passed);
  const auto& log = fake_mmio::log();
  // Walking ones: each pattern's line is cleaned/invalidated between its write and its read.
  int line_ops = 0;
  for (const auto& access : log) {
    if (access.is_write && access.address == kDccimvac) {
      EXPECT_EQ(access.value, static_cast<uint32_t>(kBase));
      ++line_ops;
    }
  }
  EXPECT_EQ(line_ops, 32);
  // Fill passes: the last write of a fill comes before a full set/way clean, which comes before the
  // first verification read.
  const int last_fill =
      fake_mmio::first_write(kBase + 252, 0xFFFFFFFF, static_cast<uint32_t>(kBase + 252));
  int clean = -1, verify = -1;
  for (size_t i = last_fill; i < log.size(); ++i) {
    if (clean < 0 && log[i].is_write && log[i].address == kDccisw) clean = static_cast<int>(i);
    if (clean >= 0 && !log[i].is_write && log[i].address == kBase) {
      verify = static_cast<int>(i);
      break;
    }
  }
  ASSERT_GE(last_fill, 0);
  EXPECT_GT(clean, last_fill);
  EXPECT_GT(verify, clean);
}

}  // namespace
