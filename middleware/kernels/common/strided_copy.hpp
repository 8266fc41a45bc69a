// Strided box copy: the one loop behind the data-movement ops that move whole elements without
// looking at them (SLICE, STRIDED_SLICE, TRANSPOSE, REVERSE_V2, SPACE_TO_DEPTH, DEPTH_TO_SPACE,
// PAD's interior, DYNAMIC_UPDATE_SLICE's update).
//
// A box of count[0] x ... x count[rank-1] elements is visited in row-major order; element
// (i0, ..., ik) is read at in_start + sum(i_d * in_stride[d]) and written at
// out_start + sum(i_d * out_stride[d]) (offsets in elements, strides may be negative: a reversed
// axis). A gather has a dense output (out_stride = the box's own row-major strides), a scatter a
// dense input. Elements are copied by size, so one kernel serves every type.
//
// A kernel fills the record in prepare() and proves it safe with check_strided_copy(): every
// element the box reaches lies inside both buffers. Plain int32 fields: it lives in op data.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

constexpr int32_t kMaxCopyDims = 8;

struct StridedCopy {
  int32_t rank;         // 1..kMaxCopyDims
  uint32_t elem_bytes;  // 1, 2, 4 or 8
  int32_t in_start;     // element offsets of the box's first element
  int32_t out_start;
  int32_t count[kMaxCopyDims];
  int32_t in_stride[kMaxCopyDims];
  int32_t out_stride[kMaxCopyDims];
};
static_assert(sizeof(StridedCopy) == 16 + 12 * kMaxCopyDims, "arena-resident layout");

// Row-major strides (in elements) of a dense tensor with these dims: strides[rank-1] = 1.
void dense_strides(const int32_t* dims, int32_t rank, int32_t* strides);

// A gather into a dense output: output dimension k has count[k] elements and steps in_step[k]
// input elements (negative: backwards); the first element is input element in_start. Fills all
// but elem_bytes.
void make_gather(const int32_t* count, const int32_t* in_step, int32_t in_start, int32_t rank,
                 StridedCopy* p);

// The gather of a box of a dense input with dims `in_dims`: `count` elements per dim from `begin`,
// every step[d]-th (negative: backwards).
void make_slice(const int32_t* in_dims, const int32_t* begin, const int32_t* step,
                const int32_t* count, int32_t rank, StridedCopy* p);

// The same with begin 0 and step 1: the leading `count` box of the input (all of it when count
// is in_dims).
void make_box(const int32_t* in_dims, const int32_t* count, int32_t rank, StridedCopy* p);

// A scatter of a dense input with dims `count` into the box of a dense output with dims
// `out_dims` that starts at `begin` (PAD's interior, DYNAMIC_UPDATE_SLICE's update).
void make_scatter(const int32_t* out_dims, const int32_t* begin, const int32_t* count, int32_t rank,
                  StridedCopy* p);

// OK when every element the copy reaches lies in [0, in_elements) of the input and
// [0, out_elements) of the output, the rank is 1..kMaxCopyDims and the element size is 1/2/4/8.
Status check_strided_copy(const OpContext& ctx, const StridedCopy& p, uint32_t in_elements,
                          uint32_t out_elements);

void strided_copy(const StridedCopy& p, const void* input, void* output);

// The invoke of an op whose op data is one StridedCopy from input 0 to output 0.
void invoke_strided_copy(const OpCall& call);

// Start indices read at invoke (SLICE's begin, DYNAMIC_UPDATE_SLICE's start: int32, or int64 when
// `int64`), each clamped into [0, dims[d] - count[d]] so the box fits, as an element offset along
// `stride`: what invoke adds to the copy's in_start or out_start.
int32_t clamped_start(const void* indices, bool int64, const int32_t* dims, const int32_t* count,
                      const int32_t* stride, int32_t rank);

// Writes the elem_bytes-byte element at `value` to `count` consecutive elements of `output`
// (FILL, PAD's border).
void fill_elements(void* output, uint32_t count, const void* value, uint32_t elem_bytes);

}  // namespace kernels
}  // namespace strata
