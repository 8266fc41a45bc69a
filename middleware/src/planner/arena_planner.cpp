// Implementation of the arena planner (see arena_planner.hpp).
#include "planner/arena_planner.hpp"

namespace strata {
namespace {

constexpr uint16_t kEnd = 0xFFFF;
constexpr uint32_t kUnplaced = 0xFFFFFFFFu;

uint32_t Align8(uint32_t v) { return (v + 7u) & ~7u; }

// Work memory, carved from the caller's block: four index arrays of n entries, then one 64-bit
// counter per step (+1) for the lower bound's sweep.
struct Work {
  uint16_t* leader;    // leader (lowest index) of each buffer's group
  uint16_t* next;      // next member of the same group, kEnd at the end (members in index order)
  uint16_t* order;     // the group leaders, in placement order
  uint16_t* by_first;  // every buffer, by first step (then index)
  uint64_t* delta;     // lower bound sweep: footprint change at each step
};

Work Carve(void* work, uint32_t n) {
  uint8_t* p = static_cast<uint8_t*>(work);
  const uint32_t index_bytes = Align8(n * 2u);
  Work w;
  w.leader = reinterpret_cast<uint16_t*>(p);
  w.next = reinterpret_cast<uint16_t*>(p + index_bytes);
  w.order = reinterpret_cast<uint16_t*>(p + 2 * index_bytes);
  w.by_first = reinterpret_cast<uint16_t*>(p + 3 * index_bytes);
  w.delta = reinterpret_cast<uint64_t*>(p + 4 * index_bytes);
  return w;
}

// Heap sort of an index array by a strict total order `less(a, b)`: O(n log n), no extra memory,
// and with a total order the result is the only sorted one, whatever the algorithm.
template <typename Less>
void SortIndices(uint16_t* a, uint32_t n, Less less) {
  auto sift = [&](uint32_t root, uint32_t end) {
    while (2 * root + 1 < end) {
      uint32_t child = 2 * root + 1;
      if (child + 1 < end && less(a[child], a[child + 1])) ++child;
      if (!less(a[root], a[child])) return;
      const uint16_t t = a[root];
      a[root] = a[child];
      a[child] = t;
      root = child;
    }
  };
  for (uint32_t i = n / 2; i-- > 0;) sift(i, n);
  for (uint32_t end = n; end > 1; --end) {
    const uint16_t t = a[0];
    a[0] = a[end - 1];
    a[end - 1] = t;
    sift(0, end - 1);
  }
}

// Group structure over the caller's buffers: leader and member chains, the list of leaders, and
// the buffers ordered by first step (to find those whose lifetimes can overlap a given one).
struct Groups {
  PlanBuffer* b;
  uint32_t n;
  Work w;
  uint32_t count;     // number of groups
  uint32_t max_span;  // the longest lifetime (last - first) of any buffer
};

Groups BuildGroups(PlanBuffer* b, uint32_t n, void* work) {
  Groups g{b, n, Carve(work, n), 0, 0};
  // Sort by (group key, index): each run of equal keys is one group, its first entry the leader.
  uint16_t* by_key = g.w.order;
  for (uint32_t i = 0; i < n; ++i) by_key[i] = static_cast<uint16_t>(i);
  SortIndices(by_key, n, [b](uint16_t x, uint16_t y) {
    return b[x].group != b[y].group ? b[x].group < b[y].group : x < y;
  });
  for (uint32_t k = 0; k < n; ++k) {
    const uint16_t i = by_key[k];
    const bool starts = k == 0 || b[by_key[k - 1]].group != b[i].group;
    g.w.leader[i] = starts ? i : g.w.leader[by_key[k - 1]];
    g.w.next[i] = (k + 1 < n && b[by_key[k + 1]].group == b[i].group) ? by_key[k + 1] : kEnd;
  }
  // Leaders in index order (the placement orders below are total orders, so this only fixes the
  // starting point).
  for (uint32_t i = 0; i < n; ++i) {
    if (g.w.leader[i] == i) g.w.order[g.count++] = static_cast<uint16_t>(i);
    const uint32_t span = static_cast<uint32_t>(b[i].last - b[i].first);
    if (b[i].last >= b[i].first && span > g.max_span) g.max_span = span;
  }
  for (uint32_t i = 0; i < n; ++i) g.w.by_first[i] = static_cast<uint16_t>(i);
  SortIndices(g.w.by_first, n, [b](uint16_t x, uint16_t y) {
    return b[x].first != b[y].first ? b[x].first < b[y].first : x < y;
  });
  return g;
}

bool LiveTogether(const PlanBuffer& a, const PlanBuffer& b) {
  return a.first <= b.last && b.first <= a.last && a.size != 0 && b.size != 0;
}

uint32_t Extent(const Groups& g, uint16_t leader) {
  uint32_t extent = 0;
  for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
    if (g.b[m].delta + g.b[m].size > extent) extent = g.b[m].delta + g.b[m].size;
  }
  return extent;
}

uint32_t Lifetime(const Groups& g, uint16_t leader, bool first) {
  uint32_t v = first ? 0xFFFF : 0;
  for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
    v = first ? (g.b[m].first < v ? g.b[m].first : v) : (g.b[m].last > v ? g.b[m].last : v);
  }
  return v;
}

// Index in by_first of the first buffer whose first step is >= step.
uint32_t FirstAtOrAfter(const Groups& g, uint32_t step) {
  uint32_t lo = 0;
  uint32_t hi = g.n;
  while (lo < hi) {
    const uint32_t mid = (lo + hi) / 2;
    if (g.b[g.w.by_first[mid]].first < step) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// Lowest offset at which the group collides with no placed buffer of another group. Each bump
// moves past a buffer that overlaps at every offset in between, so no feasible offset is skipped
// and the result does not depend on the order buffers are looked at. Only buffers whose first step
// lies within max_span steps before a member's first step can be live with it.
uint32_t LowestFit(const Groups& g, uint16_t leader) {
  uint32_t x = 0;
  for (bool moved = true; moved;) {
    moved = false;
    for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
      const PlanBuffer& bm = g.b[m];
      const uint32_t from = bm.first > g.max_span ? bm.first - g.max_span : 0;
      for (uint32_t k = FirstAtOrAfter(g, from); k < g.n; ++k) {
        const uint16_t p = g.w.by_first[k];
        const PlanBuffer& bp = g.b[p];
        if (bp.first > bm.last) break;
        if (bp.offset == kUnplaced || g.w.leader[p] == leader || !LiveTogether(bm, bp)) continue;
        const uint32_t lo = x + bm.delta;
        if (lo < bp.offset + bp.size && bp.offset < lo + bm.size) {
          x = bp.offset + bp.size - bm.delta;
          moved = true;
        }
      }
    }
  }
  return x;
}

uint32_t Place(const Groups& g, uint16_t leader, uint32_t x) {
  uint32_t top = 0;
  for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
    g.b[m].offset = x + g.b[m].delta;
    if (g.b[m].offset + g.b[m].size > top) top = g.b[m].offset + g.b[m].size;
  }
  return top;
}

uint32_t PlaceInOrder(const Groups& g) {
  for (uint32_t i = 0; i < g.n; ++i) g.b[i].offset = kUnplaced;
  uint32_t peak = 0;
  for (uint32_t k = 0; k < g.count; ++k) {
    const uint32_t top = Place(g, g.w.order[k], LowestFit(g, g.w.order[k]));
    if (top > peak) peak = top;
  }
  return peak;
}

// by_size: larger extent first, then longer life; otherwise earlier first use, then larger.
bool Before(const Groups& g, uint16_t a, uint16_t b, bool by_size) {
  const uint32_t ea = Extent(g, a), eb = Extent(g, b);
  const uint32_t fa = Lifetime(g, a, true), fb = Lifetime(g, b, true);
  if (!by_size && fa != fb) return fa < fb;
  if (ea != eb) return ea > eb;
  const uint32_t la = Lifetime(g, a, false) - fa, lb = Lifetime(g, b, false) - fb;
  if (la != lb) return la > lb;
  return a < b;
}

void SortOrder(Groups& g, bool by_size) {
  SortIndices(g.w.order, g.count,
              [&g, by_size](uint16_t a, uint16_t b) { return Before(g, a, b, by_size); });
}

// Bytes occupied by the group's members live at `step` (the union of their intervals).
uint32_t Footprint(const Groups& g, uint16_t leader, uint32_t step) {
  uint32_t total = 0, end = 0;
  uint32_t last_lo = 0, last_idx = 0;
  for (bool first_pick = true;; first_pick = false) {
    // Next live member in (delta, index) order after the previous pick.
    uint16_t pick = kEnd;
    for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
      const PlanBuffer& b = g.b[m];
      if (b.size == 0 || step < b.first || step > b.last) continue;
      const bool after = first_pick || b.delta > last_lo || (b.delta == last_lo && m > last_idx);
      if (after && (pick == kEnd || b.delta < g.b[pick].delta)) pick = m;
    }
    if (pick == kEnd) return total;
    const PlanBuffer& b = g.b[pick];
    const uint32_t hi = b.delta + b.size;
    if (b.delta >= end)
      total += b.size;
    else if (hi > end)
      total += hi - end;
    if (hi > end) end = hi;
    last_lo = b.delta;
    last_idx = pick;
  }
}

// The smallest step > after at which a member of the group starts or stops being live, or
// 0xFFFFFFFF.
uint32_t NextBoundary(const Groups& g, uint16_t leader, uint32_t after) {
  uint32_t best = 0xFFFFFFFFu;
  for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) {
    const uint32_t edges[2] = {g.b[m].first, g.b[m].last + 1u};
    for (uint32_t e : edges) {
      if (e > after && e < best) best = e;
    }
  }
  return best;
}

// The largest, over steps, sum of the groups' footprints: a sweep over the steps at which some
// footprint changes (a group's footprint only changes where one of its members starts or stops).
uint32_t LowerBound(const Groups& g, uint32_t steps) {
  for (uint32_t s = 0; s <= steps; ++s) g.w.delta[s] = 0;
  for (uint32_t k = 0; k < g.count; ++k) {
    const uint16_t leader = g.w.order[k];
    if (g.w.next[leader] == kEnd) {  // a lone buffer: live from first to last
      const PlanBuffer& b = g.b[leader];
      if (b.size == 0 || b.last < b.first) continue;
      g.w.delta[b.first] += b.size;
      g.w.delta[b.last + 1u] -= b.size;
      continue;
    }
    uint32_t previous = 0;
    for (uint32_t s = 0; s <= steps; s = NextBoundary(g, leader, s)) {
      const uint32_t f = Footprint(g, leader, s);
      g.w.delta[s] += static_cast<uint64_t>(f) - previous;  // modular: the sums come out right
      previous = f;
    }
  }
  uint64_t live = 0;
  uint64_t bound = 0;
  for (uint32_t s = 0; s < steps; ++s) {
    live += g.w.delta[s];
    if (live > bound) bound = live;
  }
  return bound > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(bound);
}

struct Search {
  const Groups* g;
  uint32_t best_peak;
  uint32_t best_x[kPlannerExhaustiveLimit];
  uint32_t x[kPlannerExhaustiveLimit];
  bool used[kPlannerExhaustiveLimit];
};

void Unplace(const Groups& g, uint16_t leader) {
  for (uint16_t m = leader; m != kEnd; m = g.w.next[m]) g.b[m].offset = kUnplaced;
}

void Explore(Search& s, uint32_t depth, uint32_t peak) {
  const Groups& g = *s.g;
  if (peak >= s.best_peak) return;
  if (depth == g.count) {
    s.best_peak = peak;
    for (uint32_t k = 0; k < g.count; ++k) s.best_x[k] = s.x[k];
    return;
  }
  for (uint32_t k = 0; k < g.count; ++k) {
    if (s.used[k]) continue;
    s.x[k] = LowestFit(g, g.w.order[k]);
    const uint32_t top = Place(g, g.w.order[k], s.x[k]);
    s.used[k] = true;
    Explore(s, depth + 1, top > peak ? top : peak);
    s.used[k] = false;
    Unplace(g, g.w.order[k]);
  }
}

}  // namespace

uint32_t PlannerWorkBytes(uint32_t n, uint32_t steps) {
  return 4 * Align8(n * 2u) + 8u * (steps + 1u);
}

uint32_t PlanLowerBound(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work) {
  return LowerBound(BuildGroups(buffers, n, work), steps);
}

PlanResult PlanArena(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work) {
  Groups g = BuildGroups(buffers, n, work);
  PlanResult result{0, LowerBound(g, steps)};
  if (n == 0) return result;
  SortOrder(g, true);
  const uint32_t by_size = PlaceInOrder(g);
  SortOrder(g, false);
  const uint32_t by_time = PlaceInOrder(g);
  if (by_size <= by_time) {
    SortOrder(g, true);
    result.bytes = PlaceInOrder(g);
  } else {
    result.bytes = by_time;
  }
  if (result.bytes == result.lower_bound || g.count > kPlannerExhaustiveLimit) return result;

  Search s{};
  s.g = &g;
  s.best_peak = result.bytes;
  for (uint32_t k = 0; k < g.count; ++k) {
    s.best_x[k] = g.b[g.w.order[k]].offset - g.b[g.w.order[k]].delta;
  }
  for (uint32_t i = 0; i < n; ++i) buffers[i].offset = kUnplaced;
  Explore(s, 0, 0);
  for (uint32_t k = 0; k < g.count; ++k) Place(g, g.w.order[k], s.best_x[k]);
  result.bytes = s.best_peak;
  return result;
}

}  // namespace strata
