// Broadcasting of element-wise operands onto an output shape, as TensorFlow Lite (and numpy) define
// it: shapes are aligned at their last dimension, missing leading dimensions count as 1, and an
// operand dimension of 1 repeats along the output's. Up to three operands (SELECT_V2's condition,
// x and y) and rank 6, the most any TFLite broadcasting kernel accepts.
//
// prepare() plans the walk once (plan_broadcast): output dimensions of 1 are dropped and runs of
// dimensions that every operand broadcasts the same way are merged, so [1,4,4,3] + [3] becomes
// [16,3] with operand strides [3,1] and [0,1], and invoke walks a few long rows. When every operand
// has the output's elements in the output's order the plan is a flat loop (rank 0).
// Arena-resident: fixed-width fields only.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

constexpr int32_t kMaxBroadcastRank = 6;
constexpr int32_t kMaxBroadcastOperands = 3;

struct BroadcastPlan {
  int32_t count;  // output elements
  int32_t rank;   // merged dimensions; 0: one flat loop, element i of every operand for output i
  int32_t out[kMaxBroadcastRank];
  // Per operand and merged dimension, in elements; 0 repeats the operand along that dimension.
  int32_t stride[kMaxBroadcastOperands][kMaxBroadcastRank];
};
static_assert(sizeof(BroadcastPlan) == 104, "arena-resident layout");

enum class BroadcastOutput : uint8_t {
  kBroadcastShape,  // the output's shape must be the operands' broadcast shape (binary ops)
  kGivenShape,      // every operand must broadcast to the output's shape (BROADCAST_TO)
};

// The plan of operands that all have the output's `count` elements in its order.
inline BroadcastPlan flat_plan(int32_t count) {
  BroadcastPlan p{};
  p.count = count;
  return p;
}

// Plans the broadcast of operands[0..n) (n <= 3) onto `out`. Fails with an OpError naming the
// tensors when a rank exceeds 6, two dimensions differ and neither is 1, or the output does not
// have the shape `rule` requires.
Status plan_broadcast(const OpContext& ctx, const TensorView* const* operands, int32_t n,
                      const TensorView& out, BroadcastOutput rule, BroadcastPlan* plan);

// The loop of broadcast_for_each. The closure comes first so it travels in registers r0-r3 on
// Cortex-M (AAPCS) instead of being split between registers and the stack.
template <typename F>
void broadcast_loop(F f, const BroadcastPlan& p) {
  // Locals, not p's fields: a store through an int8 output may alias any object, and would make
  // the compiler reload every field read in the loop.
  const int32_t count = p.count;
  if (p.rank == 0) {
    for (int32_t i = 0; i < count; ++i) f(i, i, i, i);
    return;
  }
  const int32_t last = p.rank - 1;
  const int32_t row_length = p.out[last];
  const int32_t s0 = p.stride[0][last];
  const int32_t s1 = p.stride[1][last];
  const int32_t s2 = p.stride[2][last];
  int32_t index[kMaxBroadcastRank] = {};
  int32_t row[kMaxBroadcastOperands] = {};  // each operand's offset at the start of the row
  int32_t o = 0;
  for (;;) {
    int32_t a = row[0];
    int32_t b = row[1];
    int32_t c = row[2];
    for (int32_t i = 0; i < row_length; ++i, ++o, a += s0, b += s1, c += s2) f(o, a, b, c);
    // Next row: advance the outer dimensions like an odometer.
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      for (int32_t k = 0; k < kMaxBroadcastOperands; ++k) row[k] += p.stride[k][d];
      if (++index[d] < p.out[d]) break;
      for (int32_t k = 0; k < kMaxBroadcastOperands; ++k) row[k] -= p.stride[k][d] * p.out[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// Calls f(o, i0, i1, i2) for every output element o in order, with the element index i<k> of
// operand k (0 for operands the plan does not have).
template <typename F>
inline void broadcast_for_each(const BroadcastPlan& p, F f) {
  broadcast_loop(f, p);
}

// The element loop of a binary op: out[o] = f(a[i0], b[i1]). Captures are copies, which the
// compiler keeps in registers (references would be reloaded after every int8 store).
template <typename In, typename Out, typename F>
inline void broadcast_binary(const BroadcastPlan& p, const In* a, const In* b, Out* out, F f) {
  broadcast_for_each(
      p, [a, b, out, f](int32_t o, int32_t i, int32_t j, int32_t) { out[o] = f(a[i], b[j]); });
}

// The same on an operator's inputs 0 and 1 and output 0.
template <typename In, typename Out, typename F>
inline void broadcast_binary(const BroadcastPlan& p, const OpCall& call, F f) {
  broadcast_binary(p, static_cast<const In*>(call.input(0)), static_cast<const In*>(call.input(1)),
                   static_cast<Out*>(call.output(0)), f);
}

}  // namespace kernels
}  // namespace strata
