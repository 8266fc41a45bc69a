// Implementation of the arena planner (see arena_planner.hpp).
#include "planner/arena_planner.hpp"

namespace strata {
namespace {

constexpr uint16_t kEnd = 0xFFFF;

bool LiveTogether(const PlanBuffer& a, const PlanBuffer& b) {
  return a.first <= b.last && b.first <= a.last && a.size != 0 && b.size != 0;
}

// Plan order: larger first; among equals the longer-lived, then the earlier buffer.
bool PlacedBefore(const PlanBuffer* bufs, uint16_t a, uint16_t b) {
  if (bufs[a].size != bufs[b].size) return bufs[a].size > bufs[b].size;
  const uint32_t la = bufs[a].last - bufs[a].first;
  const uint32_t lb = bufs[b].last - bufs[b].first;
  if (la != lb) return la > lb;
  return a < b;
}

void SortOrder(const PlanBuffer* bufs, uint32_t n, uint16_t* order) {
  for (uint32_t i = 0; i < n; ++i) {
    uint16_t v = static_cast<uint16_t>(i);
    uint32_t j = i;
    for (; j > 0 && PlacedBefore(bufs, v, order[j - 1]); --j) order[j] = order[j - 1];
    order[j] = v;
  }
}

// Places buffers in `order`, each into a gap among the already placed, time-overlapping buffers
// (best fit: the smallest gap that holds it; else the first). `next` is a linked list of placed
// buffers sorted by offset. Returns the peak.
uint32_t PlaceGreedy(PlanBuffer* bufs, uint32_t n, const uint16_t* order, uint16_t* next,
                     bool best_fit) {
  uint16_t head = kEnd;
  uint32_t peak = 0;
  for (uint32_t k = 0; k < n; ++k) {
    PlanBuffer& b = bufs[order[k]];
    uint32_t cursor = 0;
    uint32_t chosen = 0xFFFFFFFFu;
    uint32_t chosen_gap = 0xFFFFFFFFu;
    for (uint16_t p = head; p != kEnd; p = next[p]) {
      if (!LiveTogether(b, bufs[p])) continue;
      if (bufs[p].offset >= cursor) {
        const uint32_t gap = bufs[p].offset - cursor;
        if (gap >= b.size && gap < chosen_gap && (best_fit || chosen == 0xFFFFFFFFu)) {
          chosen = cursor;
          chosen_gap = gap;
        }
      }
      const uint32_t end = bufs[p].offset + bufs[p].size;
      if (end > cursor) cursor = end;
    }
    b.offset = chosen != 0xFFFFFFFFu ? chosen : cursor;
    if (b.offset + b.size > peak) peak = b.offset + b.size;
    // Insert into the offset-sorted list.
    uint16_t* link = &head;
    while (*link != kEnd && bufs[*link].offset <= b.offset) link = &next[*link];
    next[order[k]] = *link;
    *link = order[k];
  }
  return peak;
}

// Exhaustive search state for small buffer counts.
struct Search {
  PlanBuffer* bufs;
  uint32_t n;
  uint32_t best_peak;
  uint32_t best[kPlannerExhaustiveLimit];
  uint16_t placed[kPlannerExhaustiveLimit];
  bool used[kPlannerExhaustiveLimit];
};

// Lowest offset where bufs[i] collides with none of the `count` placed buffers.
uint32_t LowestFit(const Search& s, uint32_t i, uint32_t count) {
  const PlanBuffer& b = s.bufs[i];
  uint32_t candidate = 0;
  for (bool moved = true; moved;) {
    moved = false;
    for (uint32_t k = 0; k < count; ++k) {
      const PlanBuffer& p = s.bufs[s.placed[k]];
      if (!LiveTogether(b, p)) continue;
      if (candidate < p.offset + p.size && p.offset < candidate + b.size) {
        candidate = p.offset + p.size;
        moved = true;
      }
    }
  }
  return candidate;
}

void Explore(Search& s, uint32_t depth, uint32_t peak) {
  if (peak >= s.best_peak) return;
  if (depth == s.n) {
    s.best_peak = peak;
    for (uint32_t i = 0; i < s.n; ++i) s.best[i] = s.bufs[i].offset;
    return;
  }
  for (uint32_t i = 0; i < s.n; ++i) {
    if (s.used[i]) continue;
    s.bufs[i].offset = LowestFit(s, i, depth);
    const uint32_t end = s.bufs[i].offset + s.bufs[i].size;
    s.used[i] = true;
    s.placed[depth] = static_cast<uint16_t>(i);
    Explore(s, depth + 1, end > peak ? end : peak);
    s.used[i] = false;
  }
}

}  // namespace

uint32_t PlanLowerBound(const PlanBuffer* bufs, uint32_t n) {
  // The live sum only grows when a buffer starts, so checking each start step suffices.
  uint32_t bound = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint16_t step = bufs[i].first;
    uint32_t sum = 0;
    for (uint32_t j = 0; j < n; ++j) {
      if (bufs[j].first <= step && step <= bufs[j].last) sum += bufs[j].size;
    }
    if (sum > bound) bound = sum;
  }
  return bound;
}

PlanResult PlanArena(PlanBuffer* bufs, uint32_t n, uint16_t* work) {
  PlanResult result{0, PlanLowerBound(bufs, n)};
  if (n == 0) return result;
  uint16_t* order = work;
  uint16_t* next = work + n;
  SortOrder(bufs, n, order);
  const uint32_t best_fit = PlaceGreedy(bufs, n, order, next, true);
  const uint32_t first_fit = PlaceGreedy(bufs, n, order, next, false);
  const bool use_best = best_fit <= first_fit;
  result.bytes = use_best ? PlaceGreedy(bufs, n, order, next, true) : first_fit;
  if (result.bytes == result.lower_bound || n > kPlannerExhaustiveLimit) return result;

  Search s{};
  s.bufs = bufs;
  s.n = n;
  s.best_peak = result.bytes;
  for (uint32_t i = 0; i < n; ++i) s.best[i] = bufs[i].offset;
  Explore(s, 0, 0);
  for (uint32_t i = 0; i < n; ++i) bufs[i].offset = s.best[i];
  result.bytes = s.best_peak;
  return result;
}

}  // namespace strata
