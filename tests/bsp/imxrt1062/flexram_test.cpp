// FlexRAM bank split (IOMUXC_GPR17/16/14): values, write order, invalid plans, read-back failure.
#include "soc/flexram.hpp"

#include <gtest/gtest.h>

#include "fake_mmio.hpp"
#include "soc/imxrt1062_registers.hpp"

namespace {

namespace flexram = bsp::imxrt1062::flexram;
namespace reg = bsp::imxrt1062::reg;

class FlexramTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_mmio::reset(); }
};

TEST_F(FlexramTest, BankConfigPutsItcmInTheLowestBanksAndDtcmAbove) {
  EXPECT_EQ(flexram::bank_config({1, 15}), 0xAAAAAAABu);  // Teensy's 1-bank example
  EXPECT_EQ(flexram::bank_config({2, 14}), 0xAAAAAAAFu);
  EXPECT_EQ(flexram::bank_config({0, 16}), 0xAAAAAAAAu);
}

TEST_F(FlexramTest, BanksBeyondTheTcmsBecomeOcram) {
  // banks 0-1 ITCM (11), 2-5 DTCM (10), 6-15 OCRAM (01)
  EXPECT_EQ(flexram::bank_config({2, 4}), 0x55555AAFu);
}

TEST_F(FlexramTest, TcmWindowIsTheNextPowerOfTwo) {
  EXPECT_EQ(flexram::tcm_size_code(0), 0u);
  EXPECT_EQ(flexram::tcm_size_code(1), 6u);    // 32 KB
  EXPECT_EQ(flexram::tcm_size_code(2), 7u);    // 64 KB
  EXPECT_EQ(flexram::tcm_size_code(3), 8u);    // 96 KB -> 128 KB window
  EXPECT_EQ(flexram::tcm_size_code(14), 10u);  // 448 KB -> 512 KB (0xA, IOMUXC_GPR_GPR14)
  EXPECT_EQ(flexram::tcm_size_code(16), 10u);
}

TEST_F(FlexramTest, WritesGpr17ThenGpr16ThenGpr14KeepingTheVtorField) {
  fake_mmio::preset(reg::kGpr16, 0x00200000);  // CM7_INIT_VTOR = boot ROM
  fake_mmio::preset(reg::kGpr14, 0x00000F00);  // unrelated bits survive
  const flexram::Result result = flexram::configure({2, 14});
  EXPECT_TRUE(result.applied);
  EXPECT_EQ(result.gpr17, 0xAAAAAAAFu);
  EXPECT_EQ(fake_mmio::value(reg::kGpr17), 0xAAAAAAAFu);
  EXPECT_EQ(fake_mmio::value(reg::kGpr16), 0x00200007u);
  EXPECT_EQ(fake_mmio::value(reg::kGpr14), 0x00A70F00u);  // DTCM 512 KB, ITCM 64 KB
  const int gpr17 = fake_mmio::last_write(reg::kGpr17);
  const int gpr16 = fake_mmio::last_write(reg::kGpr16);
  const int gpr14 = fake_mmio::last_write(reg::kGpr14);
  ASSERT_GE(gpr17, 0);
  EXPECT_LT(gpr17, gpr16);
  EXPECT_LT(gpr16, gpr14);
}

TEST_F(FlexramTest, NoItcmBanksDisablesItcm) {
  fake_mmio::preset(reg::kGpr16, 0x00200007);
  fake_mmio::preset(reg::kGpr14, 0x00AA0000);
  EXPECT_TRUE(flexram::configure({0, 16}).applied);
  EXPECT_EQ(fake_mmio::value(reg::kGpr16), 0x00200006u);
  EXPECT_EQ(fake_mmio::value(reg::kGpr14), 0x00A00000u);
}

TEST_F(FlexramTest, InvalidPlanWritesNothing) {
  EXPECT_FALSE(flexram::configure({16, 0}).applied);
  EXPECT_FALSE(flexram::configure({10, 7}).applied);
  for (const fake_mmio::Access& access : fake_mmio::log()) EXPECT_FALSE(access.is_write);
}

TEST_F(FlexramTest, Gpr17ThatDoesNotReadBackIsReported) {
  // A register that ignores writes (e.g. locked): keeps its fuse-default value.
  fake_mmio::on_write(reg::kGpr17, [](uint32_t) { return 0x00000000u; });
  const flexram::Result result = flexram::configure({1, 15});
  EXPECT_FALSE(result.applied);
  EXPECT_EQ(result.gpr17, 0u);
}

}  // namespace
