// ArenaPlanner: places buffers with known lifetimes (op index ranges) in one address range so that
// buffers live at the same time never overlap, using as few bytes as it can. One implementation
// serves the host tools (which compute the firmware's arena size at build time) and the device.
//
// Strategy: the lower bound is the largest sum of sizes live at one op step. Greedy placement by
// decreasing size is tried with best-fit and first-fit gap selection; when neither reaches the
// lower bound and there are few buffers, an exhaustive search over placement orders (each buffer at
// its lowest free offset, which can reach every optimal packing) finds the optimum.
#pragma once

#include <stdint.h>

namespace strata {

// 12 bytes, lives in the arena while planning: same layout on every target.
struct PlanBuffer {
  uint32_t size;    // bytes (already rounded to the arena alignment by the caller)
  uint32_t offset;  // result
  uint16_t first;   // first op step the buffer is live at
  uint16_t last;    // last op step (inclusive)
};
static_assert(sizeof(PlanBuffer) == 12, "PlanBuffer must be 12 bytes on every target");

struct PlanResult {
  uint32_t bytes;        // end of the highest placed buffer
  uint32_t lower_bound;  // no placement can use fewer bytes
};

// Buffers up to this count get the exhaustive search when the heuristics miss the lower bound.
constexpr uint32_t kPlannerExhaustiveLimit = 8;

// Scratch memory PlanArena needs for n buffers, in uint16_t entries.
constexpr uint32_t PlannerWorkEntries(uint32_t n) { return 2 * n; }

// Sets every buffer's offset. `work` holds PlannerWorkEntries(n) entries. n < 65536.
PlanResult PlanArena(PlanBuffer* buffers, uint32_t n, uint16_t* work);

// Largest sum of buffer sizes live at any one step.
uint32_t PlanLowerBound(const PlanBuffer* buffers, uint32_t n);

}  // namespace strata
