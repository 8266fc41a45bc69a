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
  int32_t band_rows;         // output rows per band (a band's plane rows are filled together)
  int32_t band_h;            // plane rows of one band
  int32_t input_offset;
  int32_t src_row_step;  // input elements between plane rows (next input row, or column)
  int32_t src_col_step;  // input elements between plane columns
  bool transposed;
};

PlanarPlan make_planar_plan(const ConvParams& p, const Dims4& in, const Dims4& filter,
                            const Dims4& out, int32_t input_offset);

// Elements of one band buffer (a multiple of 4, so consecutive buffers stay word aligned).
// Large planes are processed in bands of output rows (in pixel order, so in-place use stays
// safe), which bounds the scratch: the whole plane of a 48x48 layer would take 5 KB per channel.
inline int32_t plane_elems(const PlanarPlan& plan) { return (plan.band_h * plan.plane_w + 3) & ~3; }

// Scratch: two band buffers, kh*kw int16 weights and a band of int32 accumulators.
uint32_t planar_scratch_bytes(const PlanarPlan& plan);

// Zeroes a band buffer once per invoke: padding columns stay zero across channels and bands, and
// so do padding rows when the plane is one band (fill_plane only rewrites them with several).
void clear_plane(const PlanarPlan& plan, int16_t* plane);

// Fills the band of output rows [oy0, oy0 + rows) with channel c of one batch (HWC int8) plus the
// input offset; band rows outside the input become zero.
void fill_plane(const PlanarPlan& plan, const int8_t* batch, int32_t c, int32_t oy0, int32_t rows,
                int16_t* plane);

// Channels c and c+1 at once (one halfword load per pixel, SXTAB16 splits and offsets them).
void fill_plane_pair(const PlanarPlan& plan, const int8_t* batch, int32_t c, int32_t oy0,
                     int32_t rows, int16_t* plane0, int16_t* plane1);

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

// Accumulator entries per band (the scratch they take: 4 bytes each), and the bytes the two band
// buffers may take (bounds the arena a large layer adds; the halo rows refilled per band cost a
// few percent of the fill).
constexpr int32_t kPlanarChunk = 512;
constexpr int32_t kPlanarBandBytes = 4096;

// Row stride of the accumulator band (even, for the stride-1 pairs).
inline int32_t planar_acc_stride(const PlanarPlan& plan) { return (plan.out_w + 1) & ~1; }

// Output rows [oy0, oy0 + rows) of one channel from its band buffer: accumulators into `acc`
// (scratch), then out.put_rows(acc, acc_stride, rows, oy0, bias) writes them (Out is taken by
// value so its fields live in registers).
template <class Out>
void planar_channel(const PlanarPlan& plan, const int16_t* band, const int16_t* w, int32_t bias,
                    const Out out, int32_t* acc, int32_t oy0, int32_t rows) {
  const PlanarKernel kind = planar_kernel(plan);
  const int32_t stride = planar_acc_stride(plan);
  if (kind == PlanarKernel::kGeneric) {
    rows_generic(plan, band, w, rows, acc, stride);
  } else {
    const Taps3x3 taps(w);
    if (kind == PlanarKernel::k3x3Stride1) {
      rows_3x3_s1(taps, band, plan.plane_w, rows, (plan.out_w + 1) / 2, acc, stride);
    } else {
      rows_3x3_s2(taps, band, plan.plane_w, rows, plan.out_w, acc, stride);
    }
  }
  out.put_rows(acc, stride, rows, oy0, bias);
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
