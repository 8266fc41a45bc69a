#include "reference/conv_2d.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <random>

#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

ConvParams float_params(int stride, int dilation, int pad_h, int pad_w, FusedActivation act) {
  ConvParams p{};
  p.stride_h = p.stride_w = static_cast<int16_t>(stride);
  p.dilation_h = p.dilation_w = static_cast<int16_t>(dilation);
  p.pad_h = static_cast<int16_t>(pad_h);
  p.pad_w = static_cast<int16_t>(pad_w);
  p.depth_multiplier = 1;
  EXPECT_TRUE(compute_conv_float(act, &p));
  return p;
}

// Input 3x3 = 1..9, filter 2x2 = [[1,0],[0,1]] (adds the pixel and its lower-right neighbour).
const float kInput[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
const float kDiag[4] = {1, 0, 0, 1};
const Dims4 kIn = {1, 3, 3, 1};
const Dims4 kFilter = {1, 2, 2, 1};

TEST(Conv2DFloat, ValidStrideOneWithBias) {
  // 1+5, 2+6, 4+8, 5+9, plus bias 0.5.
  const float bias[1] = {0.5f};
  float out[4];
  conv_2d_float32(float_params(1, 1, 0, 0, FusedActivation::kNone), kIn, kInput, kFilter, kDiag,
                  bias, {1, 2, 2, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 6.5f);
  EXPECT_FLOAT_EQ(out[1], 8.5f);
  EXPECT_FLOAT_EQ(out[2], 12.5f);
  EXPECT_FLOAT_EQ(out[3], 14.5f);
}

TEST(Conv2DFloat, Relu6Clamps) {
  float out[4];
  conv_2d_float32(float_params(1, 1, 0, 0, FusedActivation::kRelu6), kIn, kInput, kFilter, kDiag,
                  nullptr, {1, 2, 2, 1}, out);
  for (float v : out) EXPECT_FLOAT_EQ(v, 6.0f);
}

TEST(Conv2DFloat, SameStrideTwoPadsBottomRight) {
  // SAME, stride 2 on 3x3 with a 2x2 filter: pad 0 before, 1 after. Windows at (0,0),(0,2),
  // (2,0),(2,2): 1+5, 3+pad, 7+pad, 9+pad.
  float out[4];
  conv_2d_float32(float_params(2, 1, 0, 0, FusedActivation::kNone), kIn, kInput, kFilter, kDiag,
                  nullptr, {1, 2, 2, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 6.0f);
  EXPECT_FLOAT_EQ(out[1], 3.0f);
  EXPECT_FLOAT_EQ(out[2], 7.0f);
  EXPECT_FLOAT_EQ(out[3], 9.0f);
}

TEST(Conv2DFloat, PaddingBeforeShiftsTheWindow) {
  // pad 1 top/left: output (0,0) sees only input (0,0) through the filter's (1,1) tap.
  float out[9];
  conv_2d_float32(float_params(1, 1, 1, 1, FusedActivation::kNone), kIn, kInput, kFilter, kDiag,
                  nullptr, {1, 3, 3, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 1.0f);      // pad + in(0,0)
  EXPECT_FLOAT_EQ(out[4], 1 + 5.0f);  // in(0,0) + in(1,1)
  EXPECT_FLOAT_EQ(out[8], 5 + 9.0f);
}

TEST(Conv2DFloat, DilationTwo) {
  // Dilated 2x2 filter spans 3x3: in(0,0) + in(2,2) = 10.
  float out[1];
  conv_2d_float32(float_params(1, 2, 0, 0, FusedActivation::kNone), kIn, kInput, kFilter, kDiag,
                  nullptr, {1, 1, 1, 1}, out);
  EXPECT_FLOAT_EQ(out[0], 10.0f);
}

TEST(Conv2DFloat, GroupedFilters) {
  // 4 input channels, filter depth 2 -> 2 groups; oc0 = c0 + c1, oc1 = c2 - c3.
  const float in[4] = {1, 2, 3, 4};
  const float w[4] = {1, 1, 1, -1};
  float out[2];
  conv_2d_float32(float_params(1, 1, 0, 0, FusedActivation::kNone), {1, 1, 1, 4}, in, {2, 1, 1, 2},
                  w, nullptr, {1, 1, 1, 2}, out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);
  EXPECT_FLOAT_EQ(out[1], -1.0f);
}

TEST(Conv2DInt8, PerChannelHandComputed) {
  // input scale 0.5 zp -1: q [1,3,5,-1] = real [1,2,3,0]. Filter scales 0.25 / 0.5, output scale
  // 0.125 zp 3, so the per-channel multipliers are exactly 1 and 2.
  // ch0: w [1,2,3,4]: acc = 1*2 + 2*4 + 3*6 + 4*0 = 28, + bias 4 = 32 -> *1 + 3 = 35
  //      (real: 0.25 + 1 + 2.25 + 0.5 bias = 4.0 = (35 - 3) * 0.125).
  // ch1: w [1,0,0,-1]: acc = 2, + bias -10 = -8 -> *2 + 3 = -13.
  const int8_t in[4] = {1, 3, 5, -1};
  const int8_t w[8] = {1, 2, 3, 4, 1, 0, 0, -1};
  const int32_t bias[2] = {4, -10};
  const float filter_scales[2] = {0.25f, 0.5f};
  int32_t mult[2];
  int8_t shift[2];
  compute_channel_multipliers(0.5f, filter_scales, 2, 0.125f, 2, mult, shift);
  ConvParams p{};
  p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = p.depth_multiplier = 1;
  ASSERT_TRUE(compute_conv_quant(FusedActivation::kNone, -1, 0.125f, 3, &p));
  int8_t out[2];
  conv_2d_int8(p, {mult, shift, true}, {1, 2, 2, 1}, in, {2, 2, 2, 1}, w, bias, {1, 1, 1, 2}, out);
  EXPECT_EQ(out[0], 35);
  EXPECT_EQ(out[1], -13);
  // RELU clamps at the quantized zero (3).
  ASSERT_TRUE(compute_conv_quant(FusedActivation::kRelu, -1, 0.125f, 3, &p));
  conv_2d_int8(p, {mult, shift, true}, {1, 2, 2, 1}, in, {2, 2, 2, 1}, w, bias, {1, 1, 1, 2}, out);
  EXPECT_EQ(out[0], 35);
  EXPECT_EQ(out[1], 3);
}

// int8 convolution agrees with the float convolution of the dequantized operands to within one
// output step, over random geometries (stride, dilation, padding, channel counts).
TEST(Conv2DInt8, MatchesFloatOnRandomGeometry) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> small(1, 3);
  std::uniform_int_distribution<int> size(3, 9);
  for (int trial = 0; trial < 60; ++trial) {
    const Dims4 in = {1 + trial % 2, size(rng), size(rng), small(rng) * 2 - 1};
    const int out_c = small(rng) + 1;
    const Dims4 filter = {out_c, small(rng), small(rng), in.c};
    ConvGeometry g{trial % 3 == 0 ? Padding::kValid : Padding::kSame,
                   small(rng),
                   small(rng),
                   small(rng),
                   small(rng),
                   in.h,
                   in.w,
                   filter.h,
                   filter.w,
                   1};
    ConvParams p{};
    int32_t oh, ow;
    ASSERT_TRUE(compute_conv_geometry(g, &p, &oh, &ow));
    if (oh <= 0 || ow <= 0) continue;
    const Dims4 out = {in.n, oh, ow, out_c};
    const float in_scale = 0.05f, out_scale = 0.2f;
    const int in_zp = 7, out_zp = -5;
    std::vector<float> fscale(out_c);
    for (int c = 0; c < out_c; ++c) fscale[c] = 0.01f * (c + 1);
    auto qin = strata_test::random_int8(&rng, flat_size(in));
    auto qw = strata_test::random_int8(&rng, flat_size(filter), -127, 127);
    std::vector<int32_t> qb(out_c);
    for (int c = 0; c < out_c; ++c) qb[c] = (c * 37) % 200 - 100;
    std::vector<int32_t> mult(out_c);
    std::vector<int8_t> shift(out_c);
    compute_channel_multipliers(in_scale, fscale.data(), out_c, out_scale, out_c, mult.data(),
                                shift.data());
    ASSERT_TRUE(compute_conv_quant(FusedActivation::kNone, in_zp, out_scale, out_zp, &p));
    std::vector<int8_t> qout(flat_size(out));
    conv_2d_int8(p, {mult.data(), shift.data(), true}, in, qin.data(), filter, qw.data(), qb.data(),
                 out, qout.data());
    // Float model on dequantized values (weights per output channel).
    std::vector<float> fin = strata_test::dequantize_all(qin, in_scale, in_zp);
    std::vector<float> fw(qw.size()), fb(out_c);
    const int per_oc = filter.h * filter.w * filter.c;
    for (size_t i = 0; i < qw.size(); ++i) fw[i] = qw[i] * fscale[i / per_oc];
    for (int c = 0; c < out_c; ++c) fb[c] = qb[c] * in_scale * fscale[c];
    ConvParams pf = p;
    ASSERT_TRUE(compute_conv_float(FusedActivation::kNone, &pf));
    std::vector<float> fout(flat_size(out));
    conv_2d_float32(pf, in, fin.data(), filter, fw.data(), fb.data(), out, fout.data());
    for (size_t i = 0; i < fout.size(); ++i) {
      const int expect = strata_test::quantize(fout[i], out_scale, out_zp);
      ASSERT_LE(std::abs(qout[i] - expect), 1) << "trial " << trial << " i " << i;
    }
  }
}

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
