#include "common/strided_copy.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace strata {
namespace kernels {
namespace {

TEST(StridedCopy, GatherTransposes) {
  // [2,3] -> [3,2]: output (i, j) = input (j, i).
  const int16_t in[6] = {0, 1, 2, 10, 11, 12};
  const int32_t count[2] = {3, 2};
  const int32_t step[2] = {1, 3};
  StridedCopy p{};
  make_gather(count, step, 0, 2, &p);
  p.elem_bytes = 2;
  int16_t out[6];
  strided_copy(p, in, out);
  const int16_t expect[6] = {0, 10, 1, 11, 2, 12};
  EXPECT_EQ(std::memcmp(out, expect, sizeof(out)), 0);
}

TEST(StridedCopy, SliceWalksBackwards) {
  // [2,4]: rows 1..0 (step -1), columns 3, 1 (step -2).
  const int8_t in[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  const int32_t dims[2] = {2, 4};
  const int32_t begin[2] = {1, 3};
  const int32_t step[2] = {-1, -2};
  const int32_t count[2] = {2, 2};
  StridedCopy p{};
  make_slice(dims, begin, step, count, 2, &p);
  p.elem_bytes = 1;
  int8_t out[4];
  strided_copy(p, in, out);
  const int8_t expect[4] = {7, 5, 3, 1};
  EXPECT_EQ(std::memcmp(out, expect, sizeof(out)), 0);
  OpContext ctx;
  EXPECT_TRUE(check_strided_copy(ctx, p, 8, 4).ok());
}

TEST(StridedCopy, ScatterPlacesBoxAndFillKeepsBorder) {
  // A 1x2 int32 input into the middle of a 3x4 output filled with -1.
  const int32_t in[2] = {5, 6};
  const int32_t out_dims[2] = {3, 4};
  const int32_t begin[2] = {1, 1};
  const int32_t count[2] = {1, 2};
  StridedCopy p{};
  make_scatter(out_dims, begin, count, 2, &p);
  p.elem_bytes = 4;
  int32_t out[12];
  const int32_t border = -1;
  fill_elements(out, 12, &border, 4);
  strided_copy(p, in, out);
  const int32_t expect[12] = {-1, -1, -1, -1, -1, 5, 6, -1, -1, -1, -1, -1};
  EXPECT_EQ(std::memcmp(out, expect, sizeof(out)), 0);
}

TEST(StridedCopy, CheckRejectsCopiesLeavingEitherBuffer) {
  const int32_t dims[2] = {2, 4};
  const int32_t begin[2] = {1, 1};
  const int32_t step[2] = {1, 1};
  const int32_t count[2] = {1, 3};
  StridedCopy p{};
  make_slice(dims, begin, step, count, 2, &p);
  p.elem_bytes = 4;
  OpContext ctx;
  EXPECT_TRUE(check_strided_copy(ctx, p, 8, 3).ok());
  EXPECT_FALSE(check_strided_copy(ctx, p, 7, 3).ok());  // element 7 is past the input
  EXPECT_FALSE(check_strided_copy(ctx, p, 8, 2).ok());  // three outputs do not fit two
  p.in_stride[1] = -1;                                  // elements 5, 4, 3: still inside
  EXPECT_TRUE(check_strided_copy(ctx, p, 8, 3).ok());
  p.in_start = 1;  // 1, 0, -1: before the input
  EXPECT_FALSE(check_strided_copy(ctx, p, 8, 3).ok());
  p.in_start = 5;
  p.elem_bytes = 3;
  EXPECT_FALSE(check_strided_copy(ctx, p, 8, 3).ok());
}

}  // namespace
}  // namespace kernels
}  // namespace strata
