// Arena planner: no two buffers live at the same step overlap, rigid groups keep their shape, the
// result never beats the lower bound, and on small random graphs it equals the optimum found by an
// independent brute-force search over all offsets.
#include <algorithm>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "planner/arena_planner.hpp"

namespace {

using strata::PlanBuffer;

bool Live(const PlanBuffer& a, const PlanBuffer& b) {
  return a.first <= b.last && b.first <= a.last && a.size && b.size;
}

// Every pair of simultaneously live buffers is disjoint (members of one group included).
void ExpectNoOverlap(const std::vector<PlanBuffer>& b, uint32_t bytes) {
  for (size_t i = 0; i < b.size(); ++i) {
    EXPECT_LE(b[i].offset + b[i].size, bytes) << "buffer " << i;
    EXPECT_EQ(b[i].offset % 8, 0u);
    for (size_t j = i + 1; j < b.size(); ++j) {
      if (!Live(b[i], b[j])) continue;
      const bool disjoint =
          b[i].offset + b[i].size <= b[j].offset || b[j].offset + b[j].size <= b[i].offset;
      EXPECT_TRUE(disjoint) << "buffers " << i << " and " << j << " overlap";
    }
  }
}

strata::PlanResult Plan(std::vector<PlanBuffer>* b) {
  uint32_t steps = 1;
  for (const PlanBuffer& x : *b) steps = std::max<uint32_t>(steps, x.last + 1u);
  const uint32_t n = static_cast<uint32_t>(b->size());
  std::vector<uint64_t> work(strata::PlannerWorkBytes(n, steps) / 8 + 1);
  return strata::PlanArena(b->data(), n, steps, work.data());
}

std::vector<PlanBuffer> RandomBuffers(std::mt19937& rng, uint32_t n, uint32_t steps,
                                      uint32_t max_units) {
  std::vector<PlanBuffer> b(n);
  for (uint32_t i = 0; i < n; ++i) {
    const uint16_t a = static_cast<uint16_t>(rng() % steps);
    const uint16_t c = static_cast<uint16_t>(rng() % steps);
    const uint32_t size = static_cast<uint32_t>(8 * (1 + rng() % max_units));
    b[i] = PlanBuffer{size, 0, 0, i, std::min(a, c), std::max(a, c)};
  }
  return b;
}

// Brute force: every buffer at every multiple of 8 below the best peak found so far.
void Search(const std::vector<PlanBuffer>& b, std::vector<uint32_t>& off, size_t k, uint32_t peak,
            uint32_t* best) {
  if (peak >= *best) return;
  if (k == b.size()) {
    *best = peak;
    return;
  }
  for (uint32_t o = 0; o + b[k].size < *best; o += 8) {
    bool ok = true;
    for (size_t j = 0; j < k && ok; ++j) {
      ok = !Live(b[k], b[j]) || o + b[k].size <= off[j] || off[j] + b[j].size <= o;
    }
    if (!ok) continue;
    off[k] = o;
    Search(b, off, k + 1, std::max(peak, o + b[k].size), best);
  }
}

uint32_t BruteForceOptimum(const std::vector<PlanBuffer>& b) {
  uint32_t total = 0;
  for (const PlanBuffer& x : b) total += x.size;
  uint32_t best = total + 1;
  std::vector<uint32_t> off(b.size());
  Search(b, off, 0, 0, &best);
  return best;
}

TEST(ArenaPlanner, EmptyAndSingle) {
  std::vector<PlanBuffer> none;
  EXPECT_EQ(Plan(&none).bytes, 0u);
  std::vector<PlanBuffer> one = {{64, 0, 0, 0, 0, 3}};
  const strata::PlanResult r = Plan(&one);
  EXPECT_EQ(r.bytes, 64u);
  EXPECT_EQ(r.lower_bound, 64u);
  EXPECT_EQ(one[0].offset, 0u);
}

TEST(ArenaPlanner, ReusesMemoryOfDeadBuffers) {
  // A chain a -> b -> c: a and c never live together, so they can share memory.
  std::vector<PlanBuffer> b = {{32, 0, 0, 0, 0, 1}, {32, 0, 0, 1, 1, 2}, {32, 0, 0, 2, 2, 3}};
  const strata::PlanResult r = Plan(&b);
  EXPECT_EQ(r.lower_bound, 64u);
  EXPECT_EQ(r.bytes, 64u);
  ExpectNoOverlap(b, r.bytes);
}

TEST(ArenaPlanner, NoOverlapOnLargeRandomGraphs) {
  std::mt19937 rng(1234);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<PlanBuffer> b = RandomBuffers(rng, 5 + rng() % 60, 40, 64);
    const strata::PlanResult r = Plan(&b);
    ExpectNoOverlap(b, r.bytes);
    EXPECT_GE(r.bytes, r.lower_bound);
  }
}

TEST(ArenaPlanner, OptimalOnSmallRandomGraphs) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<PlanBuffer> b = RandomBuffers(rng, 2 + rng() % 5, 6, 4);
    const strata::PlanResult r = Plan(&b);
    ExpectNoOverlap(b, r.bytes);
    EXPECT_EQ(r.bytes, BruteForceOptimum(b)) << "trial " << trial;
  }
}

TEST(ArenaPlanner, GroupsKeepTheirRelativeOffsets) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 100; ++trial) {
    std::vector<PlanBuffer> b = RandomBuffers(rng, 4 + rng() % 20, 12, 16);
    // Chain the first three into one group like an in-place op sequence: x (steps 0-1) -> y at
    // 16 bytes below x (steps 1-2) -> z at 8 below y (steps 2-3).
    b[0] = {64, 24, 0, 100, 0, 1};
    b[1] = {64, 8, 0, 100, 1, 2};
    b[2] = {64, 0, 0, 100, 2, 3};
    const strata::PlanResult r = Plan(&b);
    EXPECT_EQ(b[0].offset - b[2].offset, 24u);
    EXPECT_EQ(b[1].offset - b[2].offset, 8u);
    // Across groups nothing live may overlap; inside the group only the intended in-place pairs
    // (x/y at step 1, y/z at step 2) do.
    std::vector<PlanBuffer> others(b.begin() + 3, b.end());
    for (const PlanBuffer& m : {b[0], b[1], b[2]}) {
      for (const PlanBuffer& o : others) {
        const bool disjoint = m.offset + m.size <= o.offset || o.offset + o.size <= m.offset;
        EXPECT_TRUE(!Live(m, o) || disjoint);
      }
    }
    ExpectNoOverlap(others, r.bytes);
    EXPECT_GE(r.bytes, r.lower_bound);
  }
}

TEST(ArenaPlanner, LowerBoundCountsGroupFootprintOnce) {
  // x and y overlap in place (y starts 8 below x) and are both live at step 1: the group occupies
  // 72 bytes there, not 128.
  std::vector<PlanBuffer> b = {{64, 8, 0, 5, 0, 1}, {64, 0, 0, 5, 1, 2}};
  const strata::PlanResult r = Plan(&b);
  EXPECT_EQ(r.lower_bound, 72u);
  EXPECT_EQ(r.bytes, 72u);
  EXPECT_EQ(b[0].offset, 8u);
  EXPECT_EQ(b[1].offset, 0u);
}

}  // namespace
