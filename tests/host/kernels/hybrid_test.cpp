// Hybrid (int8 weights, float activations) kernels against their float counterparts on the
// dequantized weights: the only difference is the dynamic 8-bit input quantization.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "common/hybrid_quantize.hpp"
#include "reference/conv_2d.hpp"
#include "reference/depthwise_conv_2d.hpp"
#include "reference/fully_connected.hpp"
#include "test_util.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

TEST(HybridQuantize, SymmetricAndAsymmetric) {
  const float x[4] = {-1.0f, 0.5f, 2.0f, 0.0f};
  int8_t q[4];
  DynamicQuant s = quantize_symmetric(x, 4, q);
  EXPECT_FLOAT_EQ(s.scale, 2.0f / 127);
  EXPECT_EQ(s.zero_point, 0);
  EXPECT_EQ(q[2], 127);
  EXPECT_EQ(q[0], -64);  // -63.5 -> -64
  DynamicQuant a = quantize_asymmetric(x, 4, q);
  EXPECT_FLOAT_EQ(a.scale, 3.0f / 255);
  // zero maps onto the zero point; the range ends map onto -128 / 127.
  EXPECT_EQ(q[3], a.zero_point);
  EXPECT_EQ(q[0], -128);
  EXPECT_EQ(q[2], 127);
  const float zeros[3] = {0, 0, 0};
  EXPECT_FLOAT_EQ(quantize_symmetric(zeros, 3, q).scale, 1.0f);
  EXPECT_EQ(quantize_asymmetric(zeros, 3, q).zero_point, 0);
}

// 8-bit input quantization keeps errors around 1% of the output range.
float tolerance(const std::vector<float>& reference) {
  float m = 0.0f;
  for (float v : reference) m = std::max(m, std::fabs(v));
  return 0.02f * m;
}

struct Case {
  bool per_channel;
  bool asymmetric;
};

class HybridVsFloat : public ::testing::TestWithParam<Case> {};

TEST_P(HybridVsFloat, ConvDepthwiseAndFullyConnected) {
  const Case c = GetParam();
  std::mt19937 rng(9);
  const Dims4 in = {2, 6, 5, 4};
  const int out_c = 8;
  auto x = strata_test::random_floats(&rng, flat_size(in), -1.0f, 2.0f);
  std::vector<float> scales(out_c);
  for (int i = 0; i < out_c; ++i) scales[i] = c.per_channel ? 0.01f * (i + 1) : 0.02f;
  const HybridWeights hw = {scales.data(), c.per_channel, c.asymmetric};
  std::vector<int8_t> scratch(flat_size(in));
  ConvParams p{};
  ConvGeometry g{Padding::kSame, 1, 2, 1, 1, in.h, in.w, 3, 3, 1};
  int32_t oh, ow;
  ASSERT_TRUE(compute_conv_geometry(g, &p, &oh, &ow));
  ASSERT_TRUE(compute_conv_float(FusedActivation::kNone, &p));
  auto bias = strata_test::random_floats(&rng, out_c, -0.5f, 0.5f);
  // CONV_2D
  const Dims4 filter = {out_c, 3, 3, in.c};
  auto qw = strata_test::random_int8(&rng, flat_size(filter), -127, 127);
  std::vector<float> fw(qw.size());
  const int per_oc = 3 * 3 * in.c;
  for (size_t i = 0; i < qw.size(); ++i) fw[i] = qw[i] * scales[i / per_oc];
  const Dims4 out = {in.n, oh, ow, out_c};
  std::vector<float> yh(flat_size(out)), yf(flat_size(out));
  conv_2d_hybrid(p, hw, in, x.data(), filter, qw.data(), bias.data(), out, yh.data(),
                 scratch.data());
  conv_2d_float32(p, in, x.data(), filter, fw.data(), bias.data(), out, yf.data());
  for (size_t i = 0; i < yf.size(); ++i) ASSERT_NEAR(yh[i], yf[i], tolerance(yf)) << i;
  // DEPTHWISE_CONV_2D, depth multiplier 2
  p.depth_multiplier = 2;
  const Dims4 dfilter = {1, 3, 3, out_c};
  auto dqw = strata_test::random_int8(&rng, flat_size(dfilter), -127, 127);
  std::vector<float> dfw(dqw.size());
  for (size_t i = 0; i < dqw.size(); ++i) dfw[i] = dqw[i] * scales[i % out_c];
  depthwise_conv_2d_hybrid(p, hw, in, x.data(), dfilter, dqw.data(), bias.data(), out, yh.data(),
                           scratch.data());
  depthwise_conv_2d_float32(p, in, x.data(), dfilter, dfw.data(), bias.data(), out, yf.data());
  for (size_t i = 0; i < yf.size(); ++i) ASSERT_NEAR(yh[i], yf[i], tolerance(yf)) << i;
  // FULLY_CONNECTED over each batch's 120 values
  FullyConnectedParams fc{};
  fc.batches = in.n;
  fc.accum_depth = in.h * in.w * in.c;
  fc.units = out_c;
  fc.act_min_f = -1e30f;
  fc.act_max_f = 1e30f;
  auto fqw = strata_test::random_int8(&rng, out_c * fc.accum_depth, -127, 127);
  std::vector<float> ffw(fqw.size());
  for (size_t i = 0; i < fqw.size(); ++i) ffw[i] = fqw[i] * scales[i / fc.accum_depth];
  std::vector<float> fh(in.n * out_c), ff(in.n * out_c);
  fully_connected_hybrid(fc, hw, x.data(), fqw.data(), bias.data(), fh.data(), scratch.data());
  fully_connected_float32(fc, x.data(), ffw.data(), bias.data(), ff.data());
  for (size_t i = 0; i < ff.size(); ++i) ASSERT_NEAR(fh[i], ff[i], tolerance(ff)) << i;
}

INSTANTIATE_TEST_SUITE_P(All, HybridVsFloat,
                         ::testing::Values(Case{false, false}, Case{true, false}, Case{false, true},
                                           Case{true, true}));

}  // namespace
}  // namespace reference
}  // namespace kernels
}  // namespace strata
