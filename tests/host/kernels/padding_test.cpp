#include "common/padding.hpp"

#include <gtest/gtest.h>

#include "common/conv_params.hpp"

namespace strata {
namespace kernels {
namespace {

TEST(Padding, SameStrideOneKeepsSize) {
  PaddingResult r;
  ASSERT_TRUE(compute_padding(Padding::kSame, 5, 3, 1, 1, &r));
  EXPECT_EQ(r.out_size, 5);
  EXPECT_EQ(r.before, 1);  // total 2: one each side
  EXPECT_EQ(r.offset, 0);
}

TEST(Padding, SameOddTotalPutsExtraAfter) {
  // in 4, filter 3, stride 2: out = ceil(4/2) = 2; total = (2-1)*2 + 3 - 4 = 1 -> 0 before,
  // 1 after ("offset").
  PaddingResult r;
  ASSERT_TRUE(compute_padding(Padding::kSame, 4, 3, 2, 1, &r));
  EXPECT_EQ(r.out_size, 2);
  EXPECT_EQ(r.before, 0);
  EXPECT_EQ(r.offset, 1);
  // in 49, filter 10, stride 2 (kws01 first layer): out 25, total 48 + 10 - 49 = 9 -> 4 + 5.
  ASSERT_TRUE(compute_padding(Padding::kSame, 49, 10, 2, 1, &r));
  EXPECT_EQ(r.out_size, 25);
  EXPECT_EQ(r.before, 4);
  EXPECT_EQ(r.offset, 1);
}

TEST(Padding, ValidNeverPads) {
  PaddingResult r;
  ASSERT_TRUE(compute_padding(Padding::kValid, 28, 3, 1, 1, &r));
  EXPECT_EQ(r.out_size, 26);
  EXPECT_EQ(r.before, 0);
  ASSERT_TRUE(compute_padding(Padding::kValid, 11, 2, 2, 1, &r));
  EXPECT_EQ(r.out_size, 5);  // (11 + 2 - 2) / 2
}

TEST(Padding, DilationWidensTheFilter) {
  // filter 3 dilated by 2 covers 5: VALID on 7 gives 3 outputs; SAME pads 2 each side.
  PaddingResult r;
  ASSERT_TRUE(compute_padding(Padding::kValid, 7, 3, 1, 2, &r));
  EXPECT_EQ(r.out_size, 3);
  ASSERT_TRUE(compute_padding(Padding::kSame, 7, 3, 1, 2, &r));
  EXPECT_EQ(r.out_size, 7);
  EXPECT_EQ(r.before, 2);
}

TEST(Padding, RejectsZeroStride) {
  PaddingResult r;
  EXPECT_FALSE(compute_padding(Padding::kSame, 7, 3, 0, 1, &r));
  EXPECT_FALSE(compute_padding(Padding::kSame, 7, 3, 1, 0, &r));
  EXPECT_FALSE(compute_padding(static_cast<Padding>(5), 7, 3, 1, 1, &r));
}

TEST(ConvParams, ChannelMultipliersBroadcastPerTensorScale) {
  const float filter_scales[] = {0.5f};
  int32_t mult[3];
  int8_t shift[3];
  // 0.25 * 0.5 / 0.5 = 0.25 = 0.5 * 2^-1 for every channel.
  compute_channel_multipliers(0.25f, filter_scales, 1, 0.5f, 3, mult, shift);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(mult[c], 1 << 30);
    EXPECT_EQ(shift[c], -1);
  }
}

}  // namespace
}  // namespace kernels
}  // namespace strata
