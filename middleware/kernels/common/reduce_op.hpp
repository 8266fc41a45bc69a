// The reduction engine of MEAN, SUM, REDUCE_MAX, REDUCE_MIN and REDUCE_ALL: one analysis of the
// axes, keep_dims and output shape, and one loop that folds every output's elements.
//
// The input's dims split into kept dims (they index the output) and reduced dims (folded into one
// value). Adjacent dims of the same kind merge and dims of extent 1 vanish, so a rank-8 input
// needs at most 4 kept and 4 reduced "boxes": strided ranges of input offsets. The loop visits the
// outputs in order and, for each, its input elements in increasing input order, which is the
// order TensorFlow Lite's reference Reduce adds them in (it walks the whole input once and
// accumulates into the output): float sums come out bit for bit the same.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

constexpr int32_t kMaxReduceBoxRank = 4;

// A strided box of input offsets: dims[i] steps of strides[i], row-major. Rank 0 is the single
// offset 0; an empty box has rank 1 and dims[0] == 0.
struct OffsetBox {
  int32_t rank;
  int32_t dims[kMaxReduceBoxRank];
  int32_t strides[kMaxReduceBoxRank];
};

struct ReduceShape {
  OffsetBox kept;     // one output element per offset, in output order
  OffsetBox reduced;  // offsets, relative to a kept offset, of the elements folded into it
  int32_t out_count;
  int32_t reduce_count;  // elements per output (0 when the input is empty along a reduced dim)
};
static_assert(sizeof(ReduceShape) == 80, "arena-resident layout");

// Validates the operator as a reduction (two inputs: data and a constant int32 axis tensor, any
// number of axes in [-rank, rank), duplicates allowed; ReducerOptions.keep_dims) and its output's
// shape, and fills `s`. Types and quantization are the op's to check.
Status reduce_prepare_shape(const OpContext& ctx, ReduceShape* s);

// Calls f(offset) for every offset of the box, in row-major order.
template <typename F>
inline void for_each_offset(const OffsetBox& box, F f) {
  if (box.rank == 0) {
    f(0);
    return;
  }
  int32_t index[kMaxReduceBoxRank] = {0, 0, 0, 0};
  const int32_t last = box.rank - 1;
  int32_t base = 0;
  for (;;) {
    int32_t offset = base;
    for (int32_t i = 0; i < box.dims[last]; ++i, offset += box.strides[last]) f(offset);
    int32_t d = last - 1;
    for (; d >= 0; --d) {  // odometer over the outer dims
      base += box.strides[d];
      if (++index[d] < box.dims[d]) break;
      base -= index[d] * box.strides[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// The reduction: for each output o, acc = init, then acc = fold(acc, x) for its input elements in
// order, then output[o] = finish(acc).
template <typename In, typename Out, typename Acc, typename Fold, typename Finish>
void reduce(const ReduceShape& s, const In* input, Out* output, Acc init, Fold fold,
            Finish finish) {
  for_each_offset(s.kept, [&](int32_t base) {
    Acc acc = init;
    const In* first = input + base;
    for_each_offset(s.reduced, [&](int32_t offset) { acc = fold(acc, first[offset]); });
    *output++ = finish(acc);
  });
}

}  // namespace kernels
}  // namespace strata
