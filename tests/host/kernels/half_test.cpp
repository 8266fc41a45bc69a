#include "common/half.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace strata {
namespace kernels {
namespace {

uint32_t bits_of(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

// Value of a half from its definition (independent of the bit-shuffling implementation).
double half_value(uint16_t h) {
  const int sign = (h & 0x8000) ? -1 : 1;
  const int e = (h >> 10) & 0x1F;
  const int m = h & 0x3FF;
  if (e == 0) return sign * std::ldexp(m, -24);
  return sign * std::ldexp(1024 + m, e - 25);
}

TEST(Half, SpecialValues) {
  EXPECT_EQ(bits_of(half_to_float(0x0000)), 0x00000000u);  // +0
  EXPECT_EQ(bits_of(half_to_float(0x8000)), 0x80000000u);  // -0 keeps its sign
  EXPECT_EQ(half_to_float(0x3C00), 1.0f);
  EXPECT_EQ(half_to_float(0xC000), -2.0f);
  EXPECT_EQ(half_to_float(0x7BFF), 65504.0f);                  // largest finite
  EXPECT_EQ(half_to_float(0x0400), std::ldexp(1.0f, -14));     // smallest normal
  EXPECT_EQ(half_to_float(0x0001), std::ldexp(1.0f, -24));     // smallest subnormal
  EXPECT_EQ(half_to_float(0x03FF), std::ldexp(1023.0f, -24));  // largest subnormal
  EXPECT_EQ(half_to_float(0x8001), -std::ldexp(1.0f, -24));
  EXPECT_TRUE(std::isinf(half_to_float(0x7C00)) && half_to_float(0x7C00) > 0);
  EXPECT_TRUE(std::isinf(half_to_float(0xFC00)) && half_to_float(0xFC00) < 0);
  EXPECT_TRUE(std::isnan(half_to_float(0x7E00)));
  EXPECT_TRUE(std::isnan(half_to_float(0xFC01)));
  EXPECT_EQ(bits_of(half_to_float(0x7C01)), 0x7F802000u);  // NaN payload moved up 13 bits
}

TEST(Half, EveryFiniteValueIsExact) {
  for (uint32_t h = 0; h < 0x10000; ++h) {
    if (((h >> 10) & 0x1F) == 0x1F) continue;
    ASSERT_EQ(static_cast<double>(half_to_float(static_cast<uint16_t>(h))),
              half_value(static_cast<uint16_t>(h)))
        << std::hex << h;
  }
}

TEST(Half, ArrayIsLittleEndianAndUnaligned) {
  const uint8_t bytes[] = {0xAA, 0x00, 0x3C, 0x00, 0xC0};  // starts at offset 1
  float out[2];
  half_to_float_array(bytes + 1, 2, out);
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], -2.0f);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
