// WindowInplaceLead (see kernels/kernel.hpp): how far below its input a window op's output must
// start so that, writing pixels in order, it never clobbers input that later pixels still read.
#include "kernel.hpp"

namespace strata {
namespace {

int64_t Clamp(int64_t v, int64_t hi) { return v < 0 ? 0 : (v > hi ? hi : v); }

// One output row of the backward walk: pixels p0 .. p0 + out_w - 1, whose windows start in input
// row `row_base` (an input pixel index) at column Clamp(ox * stride_w - pad_left).
struct RowWalk {
  const WindowGeometry& g;
  int64_t p0;
  int64_t row_base;
  int64_t later_min;  // the lowest input pixel any later row reads

  int64_t First(int64_t ox) const {
    return row_base + Clamp(ox * g.stride_w - g.pad_left, g.in_w - 1);
  }
  // The lead pixel ox needs: its output end minus the lowest input still read from ox on (with
  // window starts that never decrease along the row, ox's own start or a later row's).
  int64_t Need(int64_t ox) const {
    const int64_t f = First(ox);
    const int64_t m = f < later_min ? f : later_min;
    return (p0 + ox + 1) * g.out_pixel_bytes - m * static_cast<int64_t>(g.in_pixel_bytes);
  }
  // The largest Need over the row, given the break points between which it is linear in ox.
  int64_t MaxNeed(const int64_t* breaks, int count) const {
    int64_t most = INT64_MIN;
    for (int k = 0; k < count; ++k) {
      for (int64_t ox = breaks[k] - 1; ox <= breaks[k]; ++ox) {
        if (ox < 0 || ox >= g.out_w) continue;
        const int64_t need = Need(ox);
        if (need > most) most = need;
      }
    }
    return most;
  }
  // The first ox in [0, out_w] whose window start is >= `at_least` (window starts never decrease).
  int64_t FirstReaching(int64_t at_least) const {
    int64_t lo = 0, hi = g.out_w;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (First(mid) >= at_least) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
};

}  // namespace

// The definition walks every pixel backwards keeping m = the lowest input pixel any pixel >= p
// reads; the output written through pixel p ends at (p + 1) * out_pixel_bytes, the input still
// needed starts at m * in_pixel_bytes, and the lead is the largest difference. Within one output
// row that difference is linear in ox between a few break points (where the window start leaves
// the left clamp, reaches the right clamp, or passes the later rows' minimum), so each row is
// evaluated at those break points only: Prepare cost per row, not per pixel.
uint32_t WindowInplaceLead(const WindowGeometry& g) {
  if (g.batches <= 0 || g.out_h <= 0 || g.out_w <= 0 || g.in_h <= 0 || g.in_w <= 0) return 0;
  int64_t lead = 0;
  int64_t later_min = INT64_MAX;
  // The first ox whose window start (ox * stride_w - pad_left) is >= `column`, for stride_w >= 0.
  const auto first_column = [&g](int64_t column) -> int64_t {
    const int64_t need = column + g.pad_left;
    if (need <= 0) return 0;
    if (g.stride_w == 0) return g.out_w;
    const int64_t ox = (need + g.stride_w - 1) / g.stride_w;
    return ox < g.out_w ? ox : g.out_w;
  };
  const int64_t enters = first_column(1);
  const int64_t clamps = first_column(int64_t{g.in_w} - 1);
  // max over ox of (ox + 1) * out_pixel_bytes - column(ox) * in_pixel_bytes: a pixel's need
  // relative to its row when its own window start is the lowest input still read. Linear between
  // the clamp break points, so their neighbours hold the maximum.
  const int64_t clamp_breaks[] = {0, int64_t{g.out_w} - 1, enters, clamps};
  const int64_t own_start_need = RowWalk{g, 0, 0, INT64_MAX}.MaxNeed(clamp_breaks, 4);
  for (int64_t b = g.batches - 1; b >= 0; --b) {
    for (int64_t oy = g.out_h - 1; oy >= 0; --oy) {
      const int64_t iy = Clamp(oy * g.stride_h - g.pad_top, g.in_h - 1);
      const RowWalk row{g, (b * g.out_h + oy) * g.out_w, (b * g.in_h + iy) * g.in_w, later_min};
      // The lowest window start of the row (its first pixel's, its last's when starts decrease).
      const int64_t row_min = row.First(g.stride_w < 0 ? g.out_w - 1 : 0);
      int64_t need = 0;
      if (g.stride_w < 0 || later_min <= row_min) {
        // Every pixel still needs the input from the row's (or a later row's) lowest start on,
        // so the row's last pixel needs the most.
        const int64_t m = later_min < row_min ? later_min : row_min;
        need = (row.p0 + g.out_w) * g.out_pixel_bytes - m * static_cast<int64_t>(g.in_pixel_bytes);
      } else if (later_min > row.First(g.out_w - 1)) {
        // Later rows read only input after this row's windows: every pixel's own start is the
        // lowest still needed, and the row's largest need is the row-independent one shifted.
        need = row.p0 * g.out_pixel_bytes - row.row_base * static_cast<int64_t>(g.in_pixel_bytes) +
               own_start_need;
      } else {
        // In between (rows that re-read input rows, e.g. under padding): the need is linear
        // between the clamp break points and the pixel where the windows pass the later minimum.
        const int64_t breaks[] = {0, g.out_w - 1, enters, clamps, row.FirstReaching(later_min)};
        need = row.MaxNeed(breaks, 5);
      }
      if (need > lead) lead = need;
      if (row_min < later_min) later_min = row_min;
    }
  }
  return lead > 0x7FFFFFFF ? 0x7FFFFFFFu : static_cast<uint32_t>(lead);
}

}  // namespace strata
