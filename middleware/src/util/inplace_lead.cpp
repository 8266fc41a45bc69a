// WindowInplaceLead (see kernels/kernel.hpp): how far below its input a window op's output must
// start so that, writing pixels in order, it never clobbers input that later pixels still read.
#include "kernel.hpp"

namespace strata {
namespace {

int64_t Clamp(int64_t v, int64_t hi) { return v < 0 ? 0 : (v > hi ? hi : v); }

}  // namespace

uint32_t WindowInplaceLead(const WindowGeometry& g) {
  if (g.batches <= 0 || g.out_h <= 0 || g.out_w <= 0 || g.in_h <= 0 || g.in_w <= 0) return 0;
  // Walk pixels backwards keeping m = the lowest input pixel any pixel >= p reads. The output
  // written through pixel p ends at (p + 1) * out_pixel_bytes; the input still needed starts at
  // m * in_pixel_bytes; the lead must cover the difference for every p.
  int64_t lead = 0;
  int64_t m = INT64_MAX;
  const int64_t out_pb = g.out_pixel_bytes;
  const int64_t in_pb = g.in_pixel_bytes;
  for (int64_t b = g.batches - 1; b >= 0; --b) {
    for (int64_t oy = g.out_h - 1; oy >= 0; --oy) {
      const int64_t iy = Clamp(oy * g.stride_h - g.pad_top, g.in_h - 1);
      for (int64_t ox = g.out_w - 1; ox >= 0; --ox) {
        const int64_t ix = Clamp(ox * g.stride_w - g.pad_left, g.in_w - 1);
        const int64_t first = (b * g.in_h + iy) * g.in_w + ix;
        if (first < m) m = first;
        const int64_t p = (b * g.out_h + oy) * g.out_w + ox;
        const int64_t need = (p + 1) * out_pb - m * in_pb;
        if (need > lead) lead = need;
      }
    }
  }
  return lead > 0x7FFFFFFF ? 0x7FFFFFFFu : static_cast<uint32_t>(lead);
}

}  // namespace strata
