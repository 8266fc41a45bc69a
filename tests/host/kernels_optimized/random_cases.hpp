// Random operator cases for comparing the optimized kernels with the reference kernels: shapes,
// strides, paddings, dilations, channel counts (odd, non-multiples of 4), zero points, per-channel
// scales and activations drawn from a seeded generator, with the prepare-time parameters computed
// by the shared kernels/common code exactly as the interpreter would.
#pragma once

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/fully_connected_op.hpp"
#include "common/pool_params.hpp"

namespace strata_test {

using strata::kernels::ChannelQuant;
using strata::kernels::ConvParams;
using strata::kernels::Dims4;
using strata::kernels::FullyConnectedParams;
using strata::kernels::PoolParams;

inline int uniform(std::mt19937* rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(*rng);
}

inline float uniform_f(std::mt19937* rng, float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(*rng);
}

// 8-byte aligned scratch filled with garbage, so a kernel that relies on zeroed scratch fails.
struct Scratch {
  std::vector<uint64_t> words;
  explicit Scratch(uint32_t bytes) : words(bytes / 8 + 2, 0xA5A5A5A5A5A5A5A5ull) {}
  void* data() { return words.data(); }
};

// Everything a CONV_2D or DEPTHWISE_CONV_2D compute function takes.
struct ConvCase {
  bool depthwise = false;
  ConvParams p{};   // int8 variant (zero points, quantized clamp)
  ConvParams pf{};  // float32 / hybrid variant (float clamp)
  Dims4 in{}, filter{}, out{};
  int32_t input_zp = 0;
  int32_t output_zp = 0;
  std::vector<int8_t> input, weights;
  std::vector<int32_t> bias;  // empty: no bias
  std::vector<float> input_f, weights_f, bias_f;
  std::vector<float> filter_scales;
  std::vector<int32_t> multiplier;
  std::vector<int8_t> shift;
  bool per_channel = true;

  ChannelQuant quant() const { return {multiplier.data(), shift.data(), per_channel}; }
  const int32_t* bias_ptr() const { return bias.empty() ? nullptr : bias.data(); }
  const float* bias_f_ptr() const { return bias_f.empty() ? nullptr : bias_f.data(); }
  std::string describe() const;
};

// Options for shapes that exercise a specific path.
struct ConvShapeLimits {
  int max_hw = 12;
  int max_in_c = 20;
  int max_out_c = 20;
  int max_kernel = 5;
  int max_stride = 3;
  int max_dilation = 3;
  int max_batches = 2;
  bool allow_groups = true;
  int force_kernel = 0;              // >0: square kernel of this size
  int force_stride = 0;              // >0: this stride in both directions
  int force_multiplier = 0;          // >0 (depthwise): this depth multiplier
  int force_in_c = 0;                // >0: this input depth
  bool extreme_zero_points = false;  // input and output zero points -128 or 127 only
};

ConvCase random_conv_case(std::mt19937* rng, bool depthwise, const ConvShapeLimits& lim = {});

// FULLY_CONNECTED.
struct FcCase {
  FullyConnectedParams p{};   // int8
  FullyConnectedParams pf{};  // float32 / hybrid
  std::vector<int8_t> input, weights;
  std::vector<int32_t> bias;
  std::vector<float> input_f, weights_f, bias_f, filter_scales;
  std::vector<int32_t> multiplier;
  std::vector<int8_t> shift;
  ChannelQuant quant() const { return {multiplier.data(), shift.data(), multiplier.size() > 1}; }
  const int32_t* bias_ptr() const { return bias.empty() ? nullptr : bias.data(); }
  const float* bias_f_ptr() const { return bias_f.empty() ? nullptr : bias_f.data(); }
  std::string describe() const;
};

FcCase random_fc_case(std::mt19937* rng, int max_depth = 300, int max_units = 40);

// MAX_POOL_2D / AVERAGE_POOL_2D.
struct PoolCase {
  PoolParams p{};  // for the element type the case was made for
  Dims4 in{}, out{};
  std::vector<int8_t> input;
  std::vector<float> input_f;
  std::string describe() const;
};

PoolCase random_pool_case(std::mt19937* rng, bool int8);

// Element-wise comparison helpers: index of the first difference, or -1.
template <typename T>
long first_difference(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::memcmp(&a[i], &b[i], sizeof(T)) != 0) return static_cast<long>(i);
  }
  return -1;
}

// The conformance suite's float rule: |got - want| <= atol + rtol * |want|.
long first_float_mismatch(const std::vector<float>& got, const std::vector<float>& want,
                          float atol = 1e-4f, float rtol = 1e-3f);

}  // namespace strata_test
