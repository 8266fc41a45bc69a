// The int8 DEPTHWISE_CONV_2D path for depth multiplier 1: one channel at a time as a plane.
//
// Each input channel is copied once into an int16 plane in scratch with the input offset added
// and the implicit padding materialised as zeros, so the window loops have no bounds checks and
// two horizontally adjacent taps form one 32-bit word: SMLAD does two multiply-accumulates. The
// 3x3 filters get dedicated loops (stride 1: two outputs per step sharing loads; stride 2); other
// shapes use the generic tap loop over the same plane. The per-channel constants (bias, the
// requantization constants, the clamp) stay in registers for the whole plane.
//
// In-place safety: with depth multiplier 1 an output pixel has the input pixel's size, so every
// output byte the planner lets overlap the input lies on the same channel of an earlier pixel.
// A channel is read completely into the plane before any of its outputs is written, and other
// channels' bytes are never written, so the overlap is harmless.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/int8_dot.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// The geometry in plane orientation. A narrow output (fewer columns than rows, e.g. 25x5) is
// transposed: plane rows run along the input's columns, so the loops see few long rows instead
// of many short ones (less per-row overhead, less waste in the paired stride-1 loop). Filter
// taps and output strides are transposed to match.
struct PlanarPlan {
  int32_t in_h, in_w, channels;
  int32_t kh, kw;
  int32_t stride_h, stride_w, dilation_h, dilation_w;
  int32_t pad_h, pad_w;
  int32_t out_h, out_w;
  int32_t plane_h, plane_w;  // plane_w is even and has room for the pair loads' overrun
  int32_t input_offset;
  int32_t src_row_step;  // input elements between plane rows (next input row, or column)
  int32_t src_col_step;  // input elements between plane columns
  bool transposed;
};

PlanarPlan make_planar_plan(const ConvParams& p, const Dims4& in, const Dims4& filter,
                            const Dims4& out, int32_t input_offset);

// Elements of one plane (a multiple of 4, so consecutive planes stay word aligned).
inline int32_t plane_elems(const PlanarPlan& plan) {
  return (plan.plane_h * plan.plane_w + 3) & ~3;
}

// Scratch: two planes, kh*kw int16 weights and a chunk of int32 accumulators.
uint32_t planar_scratch_bytes(const PlanarPlan& plan);

// Zeroes a plane (its border stays zero across channels; only the interior is refilled).
void clear_plane(const PlanarPlan& plan, int16_t* plane);

// Copies channel c of one batch (HWC int8) into the plane's interior, plus the input offset.
void fill_plane(const PlanarPlan& plan, const int8_t* batch, int32_t c, int16_t* plane);

// Channels c and c+1 at once (one halfword load per pixel, SXTAB16 splits and offsets them).
void fill_plane_pair(const PlanarPlan& plan, const int8_t* batch, int32_t c, int16_t* plane0,
                     int16_t* plane1);

// The kh*kw weights of channel c (filter [1][kh][kw][channels]) as int16.
void load_channel_weights(const PlanarPlan& plan, const int8_t* filter, int32_t c, int16_t* w);

// Accumulators (without bias) of whole output rows of one channel, by filter shape, into `acc`
// (rows of `acc_stride` entries). Kept apart from the requantization so each loop has the
// registers to itself: the 3x3 loop holds its weights and pointers, the output stage its
// requantization constants. r0: the plane row where the first output row's windows start.
void rows_generic(const PlanarPlan& plan, const int16_t* r0, const int16_t* w, int32_t rows,
                  int32_t* acc, int32_t acc_stride);

inline uint32_t pack16(int16_t lo, int16_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
}

// 3x3 filter rows as SMLAD operands: (w0, w1) per row, and the third taps of rows 0/1 and 2.
struct Taps3x3 {
  uint32_t w01[3];
  uint32_t w2a;  // (w[2], w[5])
  uint32_t w2b;  // (w[8], 0)
  explicit Taps3x3(const int16_t* w)
      : w01{pack16(w[0], w[1]), pack16(w[3], w[4]), pack16(w[6], w[7])},
        w2a(pack16(w[2], w[5])),
        w2b(pack16(w[8], 0)) {}
};

// 3x3, stride 1: outputs in pairs (x, x+1) from the words (x,x+1), (x+1,x+2), (x+2,x+3) of each
// plane row; `pairs` per row (an odd width computes one spare column, which the plane's spare
// columns make safe to read and the caller ignores).
void rows_3x3_s1(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t pairs,
                 int32_t* acc, int32_t acc_stride);

// 3x3, stride 2: per plane row the word (2x, 2x+1) and the low half of (2x+2, 2x+3).
void rows_3x3_s2(const Taps3x3& t, const int16_t* r0, int32_t pw, int32_t rows, int32_t n,
                 int32_t* acc, int32_t acc_stride);

enum class PlanarKernel : uint8_t { kGeneric, k3x3Stride1, k3x3Stride2 };

PlanarKernel planar_kernel(const PlanarPlan& plan);

// Accumulator entries per chunk of output rows (the scratch they take: 4 bytes each).
constexpr int32_t kPlanarChunk = 256;

// Row stride of the accumulator chunk (even, for the stride-1 pairs) and rows per chunk.
inline int32_t planar_acc_stride(const PlanarPlan& plan) { return (plan.out_w + 1) & ~1; }
inline int32_t planar_chunk_rows(const PlanarPlan& plan) {
  const int32_t r = kPlanarChunk / planar_acc_stride(plan);
  return r > 0 ? r : 1;
}

// All output rows of one channel, a chunk of rows at a time: accumulators into `acc` (scratch),
// then out.put_rows(acc, acc_stride, rows, first_row, bias) writes them (Out is taken by value so
// its fields live in registers).
template <class Out>
void planar_channel(const PlanarPlan& plan, const int16_t* plane, const int16_t* w, int32_t bias,
                    const Out out, int32_t* acc) {
  const PlanarKernel kind = planar_kernel(plan);
  const int16_t none[9] = {};
  const Taps3x3 taps(kind == PlanarKernel::kGeneric ? none : w);  // w has 9 taps only if 3x3
  const int32_t stride = planar_acc_stride(plan);
  const int32_t chunk = planar_chunk_rows(plan);
  for (int32_t oy = 0; oy < plan.out_h; oy += chunk) {
    const int32_t rows = plan.out_h - oy < chunk ? plan.out_h - oy : chunk;
    const int16_t* r0 = plane + oy * plan.stride_h * plan.plane_w;
    if (kind == PlanarKernel::k3x3Stride1) {
      rows_3x3_s1(taps, r0, plan.plane_w, rows, (plan.out_w + 1) / 2, acc, stride);
    } else if (kind == PlanarKernel::k3x3Stride2) {
      rows_3x3_s2(taps, r0, plan.plane_w, rows, plan.out_w, acc, stride);
    } else {
      rows_generic(plan, r0, w, rows, acc, stride);
    }
    out.put_rows(acc, stride, rows, oy, bias);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
