// ArenaPlanner: places buffers with known lifetimes (op step ranges) in one address range so that
// buffers live at the same step never overlap, using as few bytes as it can. One implementation
// serves the host tools (which compute the firmware's arena size at build time) and the device.
//
// Buffers may form rigid groups (same `group` key): members keep fixed offsets relative to each
// other but each has its own lifetime. This is how an op running in place is described (its
// output overlaps its input at a fixed distance) without reserving the group's whole extent for
// the group's whole life.
//
// Strategy: the lower bound is the largest, over steps, sum of the groups' live footprints.
// Groups are placed at their lowest collision-free offset in two orders (decreasing size; first
// use); when neither reaches the lower bound and there are few groups, an exhaustive search over
// placement orders (lowest-offset placement can reach every optimal packing) finds the optimum.
// Cost: near-linear in the number of buffers for graphs whose buffers live a few steps each (a
// collision is only looked for among buffers whose lifetimes can overlap), quadratic at worst.
#pragma once

#include <stdint.h>

namespace strata {

// 20 bytes, lives in the arena while planning: same layout on every target.
struct PlanBuffer {
  uint32_t size;    // bytes (already rounded to the arena alignment by the caller)
  uint32_t delta;   // offset inside its group (aligned; 0 for a buffer on its own)
  uint32_t offset;  // result: offset in the arena
  uint32_t group;   // buffers with the same key form one rigid group
  uint16_t first;   // first op step the buffer is live at
  uint16_t last;    // last op step (inclusive)
};
static_assert(sizeof(PlanBuffer) == 20, "PlanBuffer must be 20 bytes on every target");

struct PlanResult {
  uint32_t bytes;        // end of the highest placed buffer
  uint32_t lower_bound;  // no placement of these groups can use fewer bytes
};

// Groups up to this count get the exhaustive search when the heuristics miss the lower bound.
constexpr uint32_t kPlannerExhaustiveLimit = 8;

// Scratch memory PlanArena and PlanLowerBound need for n buffers whose steps are < steps, in bytes
// (8-byte aligned).
uint32_t PlannerWorkBytes(uint32_t n, uint32_t steps);

// Sets every buffer's offset. `work` holds PlannerWorkBytes(n, steps) bytes, 8-byte aligned, where
// every buffer's last step is < steps; n < 65535. Members of a group must not collide with each
// other while both are live (the caller guarantees it).
PlanResult PlanArena(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work);

// The lower bound alone (uses `work` like PlanArena).
uint32_t PlanLowerBound(PlanBuffer* buffers, uint32_t n, uint32_t steps, void* work);

}  // namespace strata
