#include <gtest/gtest.h>

#include <cstring>

#include "reference/concatenation.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(Concatenation, InterleavesSlabsAlongAxis) {
  // [2,1] and [2,2] along axis 1 -> [2,3]: rows (a0, b0, b1), (a1, b2, b3).
  const int8_t a[2] = {1, 2};
  const int8_t b[4] = {10, 11, 12, 13};
  const void* inputs[2] = {a, b};
  const uint32_t slabs[2] = {1, 2};
  int8_t out[6];
  concatenate(2, inputs, slabs, 2, out);
  const int8_t expect[6] = {1, 10, 11, 2, 12, 13};
  EXPECT_EQ(std::memcmp(out, expect, 6), 0);
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
