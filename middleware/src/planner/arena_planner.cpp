// Implementation of the arena planner (see arena_planner.hpp).
#include "planner/arena_planner.hpp"

namespace strata {
namespace {

constexpr uint16_t kEnd = 0xFFFF;
constexpr uint32_t kUnplaced = 0xFFFFFFFFu;

// Group structure built in the caller's work memory: leader of each buffer, member chains
// (leader first), and the list of leaders.
struct Groups {
  PlanBuffer* b;
  uint32_t n;
  uint16_t* leader;
  uint16_t* next;
  uint16_t* order;
  uint32_t count;
};

bool LiveTogether(const PlanBuffer& a, const PlanBuffer& b) {
  return a.first <= b.last && b.first <= a.last && a.size != 0 && b.size != 0;
}

Groups BuildGroups(PlanBuffer* b, uint32_t n, uint16_t* work) {
  Groups g{b, n, work, work + n, work + 2 * n, 0};
  for (uint32_t i = 0; i < n; ++i) {
    g.leader[i] = static_cast<uint16_t>(i);
    g.next[i] = kEnd;
    for (uint32_t j = 0; j < i; ++j) {
      if (b[j].group == b[i].group) {
        g.leader[i] = g.leader[j];
        break;
      }
    }
    if (g.leader[i] == i) {
      g.order[g.count++] = static_cast<uint16_t>(i);
    } else {
      uint16_t tail = g.leader[i];
      while (g.next[tail] != kEnd) tail = g.next[tail];
      g.next[tail] = static_cast<uint16_t>(i);
    }
  }
  return g;
}

uint32_t Extent(const Groups& g, uint16_t leader) {
  uint32_t extent = 0;
  for (uint16_t m = leader; m != kEnd; m = g.next[m]) {
    if (g.b[m].delta + g.b[m].size > extent) extent = g.b[m].delta + g.b[m].size;
  }
  return extent;
}

uint32_t Lifetime(const Groups& g, uint16_t leader, bool first) {
  uint32_t v = first ? 0xFFFF : 0;
  for (uint16_t m = leader; m != kEnd; m = g.next[m]) {
    v = first ? (g.b[m].first < v ? g.b[m].first : v) : (g.b[m].last > v ? g.b[m].last : v);
  }
  return v;
}

// Lowest offset at which the group collides with no placed buffer of another group. Each bump
// moves past a buffer that overlaps at every offset in between, so no feasible offset is skipped.
uint32_t LowestFit(const Groups& g, uint16_t leader) {
  uint32_t x = 0;
  for (bool moved = true; moved;) {
    moved = false;
    for (uint16_t m = leader; m != kEnd; m = g.next[m]) {
      const PlanBuffer& bm = g.b[m];
      for (uint32_t p = 0; p < g.n; ++p) {
        const PlanBuffer& bp = g.b[p];
        if (bp.offset == kUnplaced || g.leader[p] == leader || !LiveTogether(bm, bp)) continue;
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
  for (uint16_t m = leader; m != kEnd; m = g.next[m]) {
    g.b[m].offset = x + g.b[m].delta;
    if (g.b[m].offset + g.b[m].size > top) top = g.b[m].offset + g.b[m].size;
  }
  return top;
}

uint32_t PlaceInOrder(const Groups& g) {
  for (uint32_t i = 0; i < g.n; ++i) g.b[i].offset = kUnplaced;
  uint32_t peak = 0;
  for (uint32_t k = 0; k < g.count; ++k) {
    const uint32_t top = Place(g, g.order[k], LowestFit(g, g.order[k]));
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
  for (uint32_t i = 1; i < g.count; ++i) {
    const uint16_t v = g.order[i];
    uint32_t j = i;
    for (; j > 0 && Before(g, v, g.order[j - 1], by_size); --j) g.order[j] = g.order[j - 1];
    g.order[j] = v;
  }
}

// Bytes occupied by the group's members live at `step` (the union of their intervals).
uint32_t Footprint(const Groups& g, uint16_t leader, uint32_t step) {
  uint32_t total = 0, end = 0;
  uint32_t last_lo = 0, last_idx = 0;
  for (bool first_pick = true;; first_pick = false) {
    // Next live member in (delta, index) order after the previous pick.
    uint16_t pick = kEnd;
    for (uint16_t m = leader; m != kEnd; m = g.next[m]) {
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

uint32_t LowerBound(const Groups& g) {
  uint32_t bound = 0;
  for (uint32_t i = 0; i < g.n; ++i) {  // occupancy only grows when a buffer starts
    uint32_t sum = 0;
    for (uint32_t k = 0; k < g.count; ++k) sum += Footprint(g, g.order[k], g.b[i].first);
    if (sum > bound) bound = sum;
  }
  return bound;
}

struct Search {
  const Groups* g;
  uint32_t best_peak;
  uint32_t best_x[kPlannerExhaustiveLimit];
  uint32_t x[kPlannerExhaustiveLimit];
  bool used[kPlannerExhaustiveLimit];
};

void Unplace(const Groups& g, uint16_t leader) {
  for (uint16_t m = leader; m != kEnd; m = g.next[m]) g.b[m].offset = kUnplaced;
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
    s.x[k] = LowestFit(g, g.order[k]);
    const uint32_t top = Place(g, g.order[k], s.x[k]);
    s.used[k] = true;
    Explore(s, depth + 1, top > peak ? top : peak);
    s.used[k] = false;
    Unplace(g, g.order[k]);
  }
}

}  // namespace

uint32_t PlanLowerBound(PlanBuffer* buffers, uint32_t n, uint16_t* work) {
  return LowerBound(BuildGroups(buffers, n, work));
}

PlanResult PlanArena(PlanBuffer* buffers, uint32_t n, uint16_t* work) {
  Groups g = BuildGroups(buffers, n, work);
  PlanResult result{0, LowerBound(g)};
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
  for (uint32_t k = 0; k < g.count; ++k)
    s.best_x[k] = g.b[g.order[k]].offset - g.b[g.order[k]].delta;
  for (uint32_t i = 0; i < n; ++i) buffers[i].offset = kUnplaced;
  Explore(s, 0, 0);
  for (uint32_t k = 0; k < g.count; ++k) Place(g, g.order[k], s.best_x[k]);
  result.bytes = s.best_peak;
  return result;
}

}  // namespace strata
