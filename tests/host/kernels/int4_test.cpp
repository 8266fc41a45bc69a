#include "common/int4.hpp"

#include <gtest/gtest.h>

namespace strata {
namespace kernels {
namespace {

TEST(Int4, UnpacksLowNibbleFirstWithSign) {
  // 0x71: 1 then 7; 0x98: -8 then -7; 0xAF: -1, its high nibble past the odd count of 5.
  const uint8_t packed[3] = {0x71, 0x98, 0xAF};
  int8_t out[6] = {99, 99, 99, 99, 99, 99};
  unpack_int4(packed, 5, out);
  const int8_t want[6] = {1, 7, -8, -7, -1, 99};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], want[i]) << "element " << i;
}

TEST(Int4, EveryNibbleValue) {
  for (int v = 0; v < 16; ++v) {
    const uint8_t packed = static_cast<uint8_t>(v | (v << 4));
    int8_t out[2];
    unpack_int4(&packed, 2, out);
    const int expect = v < 8 ? v : v - 16;
    EXPECT_EQ(out[0], expect);
    EXPECT_EQ(out[1], expect);
  }
}

}  // namespace
}  // namespace kernels
}  // namespace strata
