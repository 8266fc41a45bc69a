// What the control-flow operators (IF, WHILE) copy between their own tensors and the tensors of
// the subgraphs they run: TensorFlow Lite passes values into and out of a subgraph by copying, and
// so does Strata, with every pointer and size resolved at prepare.
#pragma once

#include <stdint.h>
#include <string.h>

#include "kernel.hpp"

namespace strata {
namespace kernels {

struct TensorCopy {
  ArenaPtr<void> to;
  ArenaPtr<const void> from;
  uint32_t bytes;
  uint32_t reserved;
};
static_assert(sizeof(TensorCopy) == 24, "arena-resident layout");

// Checks that `from` can be copied into `to` (same type, same byte size; `what` names the pair in
// the error) and, at step 2 (copy not null), records the copy.
Status plan_copy(const OpContext& ctx, const TensorView& from, const TensorView& to,
                 const char* what, uint32_t k, TensorCopy* copy);

// Copies whose target has no memory are skipped: a subgraph input no operator reads is not placed.
inline void run_copies(const TensorCopy* copies, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) {
    if (copies[i].to.ptr != copies[i].from.ptr && copies[i].to.ptr != nullptr &&
        copies[i].from.ptr != nullptr) {
      memmove(copies[i].to.ptr, copies[i].from.ptr, copies[i].bytes);
    }
  }
}

// Checks that subgraph index `s` (read from the operator's options, `what` names the option) is
// a subgraph other than the main one, one the planner can nest (below kMaxSubgraphs).
Status check_subgraph_index(const OpContext& ctx, int32_t s, const char* what);

// How many times a WHILE may run its body in one Invoke before the Invoke fails (never a hang).
// A build sets it with -DSTRATA_WHILE_MAX_ITERATIONS=<n>.
#ifndef STRATA_WHILE_MAX_ITERATIONS
#define STRATA_WHILE_MAX_ITERATIONS 1000000
#endif
constexpr uint32_t kMaxWhileIterations = STRATA_WHILE_MAX_ITERATIONS;

}  // namespace kernels
}  // namespace strata
