// Kernels that report an inplace_lead_bytes must give identical results when the output starts
// that many bytes before the input in one buffer (the planner's in-place placement).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>

#include "kernel.hpp"
#include "reference/conv_2d.hpp"
#include "reference/depthwise_conv_2d.hpp"
#include "reference/pooling.hpp"
#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct ConvCase {
  Dims4 in, filter, out;
  ConvParams p;
  uint32_t lead;
};

ConvCase random_setup(std::mt19937* rng, bool depthwise) {
  std::uniform_int_distribution<int> small(1, 3), size(2, 9);
  ConvCase s{};
  const int dm = depthwise ? small(*rng) : 1;
  s.in = {small(*rng), size(*rng), size(*rng), small(*rng) + 1};
  const int out_c = depthwise ? s.in.c * dm : small(*rng) + 1;
  s.filter = depthwise ? Dims4{1, small(*rng), small(*rng), out_c}
                       : Dims4{out_c, small(*rng), small(*rng), s.in.c};
  const ConvGeometry g{small(*rng) == 1 ? Padding::kValid : Padding::kSame,
                       small(*rng),
                       small(*rng),
                       small(*rng),
                       1,
                       s.in.h,
                       s.in.w,
                       s.filter.h,
                       s.filter.w,
                       dm};
  int32_t oh = 0, ow = 0;
  EXPECT_TRUE(compute_conv_geometry(g, &s.p, &oh, &ow));
  EXPECT_TRUE(compute_conv_quant(FusedActivation::kNone, 3, 0.3f, -2, &s.p));
  s.out = {s.in.n, oh, ow, out_c};
  const WindowGeometry wg = {s.in.n,
                             s.in.h,
                             s.in.w,
                             oh,
                             ow,
                             s.p.stride_h,
                             s.p.stride_w,
                             s.p.pad_h,
                             s.p.pad_w,
                             static_cast<uint32_t>(s.in.c),
                             static_cast<uint32_t>(out_c)};
  s.lead = WindowInplaceLead(wg);
  return s;
}

// The definition of the lead, one pixel at a time: WindowInplaceLead evaluates only each row's
// break points and must give exactly this.
uint32_t lead_by_pixel_walk(const WindowGeometry& g) {
  if (g.batches <= 0 || g.out_h <= 0 || g.out_w <= 0 || g.in_h <= 0 || g.in_w <= 0) return 0;
  const auto clamp = [](int64_t v, int64_t hi) { return v < 0 ? 0 : (v > hi ? hi : v); };
  int64_t lead = 0, m = INT64_MAX;
  for (int64_t b = g.batches - 1; b >= 0; --b) {
    for (int64_t oy = g.out_h - 1; oy >= 0; --oy) {
      const int64_t iy = clamp(oy * g.stride_h - g.pad_top, g.in_h - 1);
      for (int64_t ox = g.out_w - 1; ox >= 0; --ox) {
        const int64_t ix = clamp(ox * g.stride_w - g.pad_left, g.in_w - 1);
        m = std::min(m, (b * g.in_h + iy) * g.in_w + ix);
        const int64_t p = (b * g.out_h + oy) * g.out_w + ox;
        lead = std::max(lead, (p + 1) * g.out_pixel_bytes - m * int64_t{g.in_pixel_bytes});
      }
    }
  }
  return static_cast<uint32_t>(std::min<int64_t>(lead, 0x7FFFFFFF));
}

TEST(InPlace, WindowInplaceLeadMatchesPixelWalk) {
  std::mt19937 rng(8);
  const auto pick = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  for (int trial = 0; trial < 60000; ++trial) {
    // Strides from -2 (hostile) through 0 to 4, padding on either side of the input, channel
    // ratios that make the output grow or shrink, elementwise rows of up to 300 elements.
    WindowGeometry g{pick(0, 3),
                     pick(0, 12),
                     pick(0, 12),
                     pick(0, 12),
                     pick(0, 12),
                     pick(-2, 4),
                     pick(-2, 4),
                     pick(-6, 6),
                     pick(-6, 6),
                     static_cast<uint32_t>(pick(0, 9)),
                     static_cast<uint32_t>(pick(0, 9))};
    if (trial % 5 == 0)
      g = {1,
           1,
           pick(1, 300),
           1,
           pick(1, 300),
           1,
           1,
           0,
           0,
           static_cast<uint32_t>(pick(1, 4)),
           static_cast<uint32_t>(pick(1, 4))};
    ASSERT_EQ(WindowInplaceLead(g), lead_by_pixel_walk(g))
        << "trial " << trial << ": " << g.batches << " " << g.in_h << "x" << g.in_w << " -> "
        << g.out_h << "x" << g.out_w << " stride " << g.stride_h << "," << g.stride_w << " pad "
        << g.pad_top << "," << g.pad_left << " bytes " << g.in_pixel_bytes << "->"
        << g.out_pixel_bytes;
  }
}

TEST(InPlace, ConvAndDepthwiseInt8) {
  std::mt19937 rng(21);
  for (int trial = 0; trial < 300; ++trial) {
    const bool dw = trial % 2 == 1;
    ConvCase s = random_setup(&rng, dw);
    if (s.out.h <= 0 || s.out.w <= 0) continue;
    auto input = strata_test::random_int8(&rng, flat_size(s.in));
    auto w = strata_test::random_int8(&rng, flat_size(s.filter), -127, 127);
    std::vector<int32_t> mult(s.out.c, 1 << 30);
    std::vector<int8_t> shift(s.out.c, -6);
    const ChannelQuant q = {mult.data(), shift.data(), true};
    std::vector<int8_t> expect(flat_size(s.out));
    // Shared buffer: output at 0, input at lead.
    const size_t in_bytes = input.size(), out_bytes = expect.size();
    std::vector<int8_t> buf(std::max(out_bytes, s.lead + in_bytes) + 8);
    std::memcpy(buf.data() + s.lead, input.data(), in_bytes);
    if (dw) {
      depthwise_conv_2d_int8(s.p, q, s.in, input.data(), s.filter, w.data(), nullptr, s.out,
                             expect.data());
      depthwise_conv_2d_int8(s.p, q, s.in, buf.data() + s.lead, s.filter, w.data(), nullptr, s.out,
                             buf.data());
    } else {
      conv_2d_int8(s.p, q, s.in, input.data(), s.filter, w.data(), nullptr, s.out, expect.data());
      conv_2d_int8(s.p, q, s.in, buf.data() + s.lead, s.filter, w.data(), nullptr, s.out,
                   buf.data());
    }
    ASSERT_EQ(std::memcmp(buf.data(), expect.data(), out_bytes), 0) << "trial " << trial;
  }
}

TEST(InPlace, PoolingInt8) {
  std::mt19937 rng(4);
  std::uniform_int_distribution<int> small(1, 3), size(2, 9);
  for (int trial = 0; trial < 200; ++trial) {
    const Dims4 in = {small(rng), size(rng), size(rng), small(rng)};
    PoolParams p{};
    int32_t oh = 0, ow = 0;
    ASSERT_TRUE(compute_pool_geometry(trial % 2 ? Padding::kSame : Padding::kValid, small(rng),
                                      small(rng), small(rng), small(rng), in.h, in.w, &p, &oh,
                                      &ow));
    ASSERT_TRUE(compute_pool_activation(FusedActivation::kNone, DataType::kInt8, 1.0f, 0, &p));
    if (oh <= 0 || ow <= 0) continue;
    const Dims4 out = {in.n, oh, ow, in.c};
    const WindowGeometry wg = {in.n,
                               in.h,
                               in.w,
                               oh,
                               ow,
                               p.stride_h,
                               p.stride_w,
                               p.pad_h,
                               p.pad_w,
                               static_cast<uint32_t>(in.c),
                               static_cast<uint32_t>(in.c)};
    const uint32_t lead = WindowInplaceLead(wg);
    auto input = strata_test::random_int8(&rng, flat_size(in));
    std::vector<int8_t> expect(flat_size(out));
    std::vector<int8_t> buf(std::max(expect.size(), lead + input.size()) + 8);
    for (int avg = 0; avg < 2; ++avg) {
      std::memcpy(buf.data() + lead, input.data(), input.size());
      if (avg) {
        average_pool_2d_int8(p, in, input.data(), out, expect.data());
        average_pool_2d_int8(p, in, buf.data() + lead, out, buf.data());
      } else {
        max_pool_2d_int8(p, in, input.data(), out, expect.data());
        max_pool_2d_int8(p, in, buf.data() + lead, out, buf.data());
      }
      ASSERT_EQ(std::memcmp(buf.data(), expect.data(), expect.size()), 0) << trial;
    }
  }
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
