#include "reference/depthwise_conv_2d.hpp"

#include <gtest/gtest.h>

#include <random>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

ConvParams base_params(int depth_multiplier) {
  ConvParams p{};
  p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = 1;
  p.depth_multiplier = static_cast<int16_t>(depth_multiplier);
  return p;
}

TEST(DepthwiseFloat, DepthMultiplierTwo) {
  // 2x2 input, 2 channels: c0 = [1,2,3,4], c1 = [10,20,30,40] (interleaved NHWC).
  // Filter 2x2, 4 output channels (ic0 -> oc0, oc1; ic1 -> oc2, oc3):
  //   oc0 all ones -> 1+2+3+4 = 10        oc1 = [1,0,0,0] -> 1
  //   oc2 all ones -> 100                 oc3 = [0,0,0,1] -> 40
  const float in[8] = {1, 10, 2, 20, 3, 30, 4, 40};
  const float w[16] = {1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1};
  const float bias[4] = {0, 0, 0, 0.5f};
  ConvParams p = base_params(2);
  ASSERT_TRUE(compute_conv_float(FusedActivation::kNone, &p));
  float out[4];
  depthwise_conv_2d_float32(p, {1, 2, 2, 2}, in, {1, 2, 2, 4}, w, bias, {1, 1, 1, 4}, out);
  EXPECT_FLOAT_EQ(out[0], 10.0f);
  EXPECT_FLOAT_EQ(out[1], 1.0f);
  EXPECT_FLOAT_EQ(out[2], 100.0f);
  EXPECT_FLOAT_EQ(out[3], 40.5f);
}

TEST(DepthwiseInt8, PerChannelHandComputed) {
  // One input channel, depth multiplier 2, 1x1 filter: out = w * (q - zp).
  // input scale 1, zp 2, q = 5 -> 3. Filter scales 0.5 / 1, output scale 0.5 zp 0:
  // multipliers 1 and 2. oc0: w 4 -> 12 * 1 = 12; oc1: w -3 -> -9, + bias 1 = -8, * 2 = -16.
  const int8_t in[1] = {5};
  const int8_t w[2] = {4, -3};
  const int32_t bias[2] = {0, 1};
  const float scales[2] = {0.5f, 1.0f};
  int32_t mult[2];
  int8_t shift[2];
  compute_channel_multipliers(1.0f, scales, 2, 0.5f, 2, mult, shift);
  ConvParams p = base_params(2);
  ASSERT_TRUE(compute_conv_quant(FusedActivation::kNone, 2, 0.5f, 0, &p));
  int8_t out[2];
  depthwise_conv_2d_int8(p, {mult, shift, true}, {1, 1, 1, 1}, in, {1, 1, 1, 2}, w, bias,
                         {1, 1, 1, 2}, out);
  EXPECT_EQ(out[0], 12);
  EXPECT_EQ(out[1], -16);
}

TEST(DepthwiseInt8, MatchesFloatOnRandomGeometry) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> small(1, 3);
  std::uniform_int_distribution<int> size(3, 10);
  for (int trial = 0; trial < 60; ++trial) {
    const int dm = small(rng);
    const Dims4 in = {1, size(rng), size(rng), small(rng) + trial % 3};
    const Dims4 filter = {1, small(rng), small(rng), in.c * dm};
    ConvGeometry g{trial % 2 ? Padding::kSame : Padding::kValid,
                   small(rng),
                   small(rng),
                   small(rng),
                   small(rng),
                   in.h,
                   in.w,
                   filter.h,
                   filter.w,
                   dm};
    ConvParams p{};
    int32_t oh, ow;
    ASSERT_TRUE(compute_conv_geometry(g, &p, &oh, &ow));
    if (oh <= 0 || ow <= 0) continue;
    const Dims4 out = {1, oh, ow, filter.c};
    const float in_scale = 0.1f, out_scale = 0.15f;
    std::vector<float> fscale(filter.c);
    for (int c = 0; c < filter.c; ++c) fscale[c] = 0.004f * (c + 2);
    auto qin = strata_test::random_int8(&rng, flat_size(in));
    auto qw = strata_test::random_int8(&rng, flat_size(filter), -127, 127);
    std::vector<int32_t> mult(filter.c);
    std::vector<int8_t> shift(filter.c);
    compute_channel_multipliers(in_scale, fscale.data(), filter.c, out_scale, filter.c, mult.data(),
                                shift.data());
    ASSERT_TRUE(compute_conv_quant(FusedActivation::kRelu6, -3, out_scale, 4, &p));
    std::vector<int8_t> qout(flat_size(out));
    depthwise_conv_2d_int8(p, {mult.data(), shift.data(), true}, in, qin.data(), filter, qw.data(),
                           nullptr, out, qout.data());
    auto fin = strata_test::dequantize_all(qin, in_scale, -3);
    std::vector<float> fw(qw.size());
    for (size_t i = 0; i < qw.size(); ++i) fw[i] = qw[i] * fscale[i % filter.c];
    ConvParams pf = p;
    ASSERT_TRUE(compute_conv_float(FusedActivation::kRelu6, &pf));
    std::vector<float> fout(flat_size(out));
    depthwise_conv_2d_float32(pf, in, fin.data(), filter, fw.data(), nullptr, out, fout.data());
    for (size_t i = 0; i < fout.size(); ++i) {
      ASSERT_LE(std::abs(qout[i] - strata_test::quantize(fout[i], out_scale, 4)), 1)
          << "trial " << trial;
    }
  }
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
