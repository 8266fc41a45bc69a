// The broadcasting planner (common/broadcast): every element's operand indices against a direct
// numpy-style computation for random shapes up to rank 6 and three operands, the merged plans of
// common cases, and the shapes it must refuse.
#include "common/broadcast.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace {

using strata_test::shape_view;

// Index into an operand of `dims` (right-aligned) for the output coordinate `coord`.
int32_t direct_index(const std::vector<int32_t>& dims, const std::vector<int32_t>& coord) {
  const size_t lead = coord.size() - dims.size();
  int32_t index = 0;
  for (size_t i = 0; i < dims.size(); ++i) {
    index = index * dims[i] + (dims[i] == 1 ? 0 : coord[lead + i]);
  }
  return index;
}

// Checks broadcast_for_each against direct_index for every output element.
void expect_walk_matches(const std::vector<std::vector<int32_t>>& operands,
                         const std::vector<int32_t>& out_dims) {
  std::vector<TensorView> views;
  for (const auto& d : operands) views.push_back(shape_view(d));
  std::vector<const TensorView*> ptrs;
  for (const auto& v : views) ptrs.push_back(&v);
  const TensorView out = shape_view(out_dims, "out");
  BroadcastPlan plan;
  ASSERT_TRUE(plan_broadcast(OpContext{}, ptrs.data(), static_cast<int32_t>(ptrs.size()), out,
                             BroadcastOutput::kBroadcastShape, &plan)
                  .ok());
  ASSERT_EQ(plan.count, static_cast<int32_t>(out.elements));
  int32_t expected_o = 0;
  std::vector<int32_t> coord(out_dims.size(), 0);
  broadcast_for_each(plan, [&](int32_t o, int32_t i0, int32_t i1, int32_t i2) {
    ASSERT_EQ(o, expected_o);
    const int32_t got[3] = {i0, i1, i2};
    for (size_t k = 0; k < operands.size(); ++k) {
      ASSERT_EQ(got[k], direct_index(operands[k], coord)) << "operand " << k << " element " << o;
    }
    ++expected_o;
    for (int32_t d = static_cast<int32_t>(coord.size()) - 1; d >= 0; --d) {
      if (++coord[d] < out_dims[d]) break;
      coord[d] = 0;
    }
  });
  EXPECT_EQ(expected_o, plan.count);
}

TEST(Broadcast, RandomShapesUpToRank6) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> rank_of(0, 6), extent(1, 4), coin(0, 2), count_of(2, 3);
  for (int c = 0; c < 400; ++c) {
    const int rank = rank_of(rng);
    std::vector<int32_t> out(rank);
    for (int32_t& d : out) d = extent(rng);
    const int n = count_of(rng);
    std::vector<std::vector<int32_t>> operands(n);
    for (auto& op : operands) {
      const int r = rank == 0 ? 0 : std::uniform_int_distribution<int>(0, rank)(rng);
      op.assign(out.end() - r, out.end());
      for (int32_t& d : op) d = coin(rng) == 0 ? 1 : d;
    }
    // The output is the broadcast shape: make some operand full rank and full size there.
    std::vector<int32_t> shape(rank, 1);
    for (const auto& op : operands) {
      for (size_t i = 0; i < op.size(); ++i) {
        int32_t& s = shape[rank - op.size() + i];
        if (op[i] != 1) s = op[i];
      }
    }
    size_t max_rank = 0;
    for (const auto& op : operands) max_rank = op.size() > max_rank ? op.size() : max_rank;
    shape.erase(shape.begin(), shape.begin() + (rank - max_rank));
    expect_walk_matches(operands, shape);
  }
}

TEST(Broadcast, MergesDimensionsThatBroadcastAlike) {
  const std::vector<int32_t> a = {1, 4, 4, 3}, b = {3};
  const TensorView va = shape_view(a), vb = shape_view(b), out = shape_view(a);
  const TensorView* ops[2] = {&va, &vb};
  BroadcastPlan plan;
  ASSERT_TRUE(
      plan_broadcast(OpContext{}, ops, 2, out, BroadcastOutput::kBroadcastShape, &plan).ok());
  ASSERT_EQ(plan.rank, 2);
  EXPECT_EQ(plan.out[0], 16);
  EXPECT_EQ(plan.out[1], 3);
  EXPECT_EQ(plan.stride[0][0], 3);
  EXPECT_EQ(plan.stride[0][1], 1);
  EXPECT_EQ(plan.stride[1][0], 0);
  EXPECT_EQ(plan.stride[1][1], 1);
  // Equal element counts: one flat loop.
  const std::vector<int32_t> c = {4, 4, 3};
  const TensorView vc = shape_view(c);
  const TensorView* same[2] = {&va, &vc};
  ASSERT_TRUE(
      plan_broadcast(OpContext{}, same, 2, out, BroadcastOutput::kBroadcastShape, &plan).ok());
  EXPECT_EQ(plan.rank, 0);
  EXPECT_EQ(plan.count, 48);
}

TEST(Broadcast, WalksRank5And6) {
  expect_walk_matches({{1, 2, 3, 2, 2}, {1, 2, 1, 2, 1}}, {1, 2, 3, 2, 2});
  expect_walk_matches({{2, 1, 3, 1, 2, 1}, {3, 4, 1, 5}, {1}}, {2, 1, 3, 4, 2, 5});
  expect_walk_matches({{1, 3}, {2, 3}, {2, 1}}, {2, 3});
}

TEST(Broadcast, RefusesWhatDoesNotBroadcast) {
  const std::vector<int32_t> a = {2, 3}, b = {4}, out23 = {2, 3}, out33 = {3, 3}, b3 = {3};
  const std::vector<int32_t> rank7 = {1, 1, 1, 1, 1, 1, 2};
  const TensorView va = shape_view(a), vb = shape_view(b), vb3 = shape_view(b3);
  BroadcastPlan plan;
  const TensorView* bad[2] = {&va, &vb};
  EXPECT_FALSE(plan_broadcast(OpContext{}, bad, 2, shape_view(out23),
                              BroadcastOutput::kBroadcastShape, &plan)
                   .ok());
  const TensorView* good[2] = {&va, &vb3};
  // The output must be the broadcast shape, not merely one the inputs broadcast to.
  EXPECT_FALSE(plan_broadcast(OpContext{}, good, 2, shape_view(out33),
                              BroadcastOutput::kBroadcastShape, &plan)
                   .ok());
  const std::vector<int32_t> wide = {5, 2, 3};
  EXPECT_FALSE(plan_broadcast(OpContext{}, good, 2, shape_view(wide),
                              BroadcastOutput::kBroadcastShape, &plan)
                   .ok());
  EXPECT_TRUE(
      plan_broadcast(OpContext{}, good, 2, shape_view(wide), BroadcastOutput::kGivenShape, &plan)
          .ok());
  const TensorView v7 = shape_view(rank7);
  const TensorView* deep[1] = {&v7};
  EXPECT_FALSE(
      plan_broadcast(OpContext{}, deep, 1, shape_view(rank7), BroadcastOutput::kGivenShape, &plan)
          .ok());
}

TEST(Broadcast, GivenShapeRepeatsOneOperand) {
  // BROADCAST_TO [3,1] -> [2,3,4]: each input value fills a row of 4, the block repeats twice.
  const std::vector<int32_t> in = {3, 1}, out = {2, 3, 4};
  const TensorView vin = shape_view(in);
  const TensorView* ops[1] = {&vin};
  BroadcastPlan plan;
  ASSERT_TRUE(
      plan_broadcast(OpContext{}, ops, 1, shape_view(out), BroadcastOutput::kGivenShape, &plan)
          .ok());
  std::vector<int32_t> got;
  broadcast_for_each(plan, [&](int32_t, int32_t i, int32_t, int32_t) { got.push_back(i); });
  const std::vector<int32_t> want = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                     0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
