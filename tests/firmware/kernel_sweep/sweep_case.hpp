// Random operator cases for the on-target kernel sweep (no heap: every case lives in static
// buffers sized for the sweep's shape limits). The parameters come from the shared kernels/common
// code, as in the interpreter; values from a small xorshift generator seeded per sweep, so a
// failing case is reproducible from the printed seed and index.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "common/dims.hpp"
#include "common/fully_connected_op.hpp"
#include "common/pool_params.hpp"

namespace sweep {

using strata::kernels::ChannelQuant;
using strata::kernels::ConvParams;
using strata::kernels::Dims4;
using strata::kernels::FullyConnectedParams;
using strata::kernels::PoolParams;

class Rng {
 public:
  explicit Rng(uint32_t seed) : s_(seed * 2654435761u + 1u) {}
  uint32_t next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 17;
    s_ ^= s_ << 5;
    return s_;
  }
  int32_t range(int32_t lo, int32_t hi) {  // inclusive
    return lo + static_cast<int32_t>(next() % static_cast<uint32_t>(hi - lo + 1));
  }
  float real(float lo, float hi) {
    return lo + (hi - lo) * static_cast<float>(next() >> 8) / 16777216.0f;
  }

 private:
  uint32_t s_;
};

// Shape limits of the sweep (the buffers below are sized from them).
constexpr int32_t kMaxHw = 10;
constexpr int32_t kMaxInC = 24;
constexpr int32_t kMaxOutC = 24;
constexpr int32_t kMaxKernel = 5;
constexpr int32_t kMaxBatches = 2;
constexpr int32_t kMaxMultiplier = 4;
constexpr int32_t kMaxInput = kMaxBatches * kMaxHw * kMaxHw * kMaxInC;
constexpr int32_t kMaxChannels =
    kMaxInC * kMaxMultiplier > kMaxOutC ? kMaxInC* kMaxMultiplier : kMaxOutC;
constexpr int32_t kMaxFcDepth = 1200;
constexpr int32_t kMaxFcUnits = 24;
constexpr int32_t kMaxConvWeights = kMaxOutC * kMaxKernel * kMaxKernel * kMaxInC;
constexpr int32_t kMaxWeights =
    kMaxConvWeights > kMaxFcDepth* kMaxFcUnits ? kMaxConvWeights : kMaxFcDepth* kMaxFcUnits;
constexpr int32_t kMaxOutput = kMaxBatches * kMaxHw * kMaxHw * kMaxChannels;

struct ConvCase {
  bool depthwise;
  ConvParams p;   // int8
  ConvParams pf;  // float / hybrid
  Dims4 in, filter, out;
  bool per_channel;
  bool has_bias;
  ChannelQuant quant() const;
};

struct FcCase {
  FullyConnectedParams p;
  FullyConnectedParams pf;
  int32_t channels;  // 1: per-tensor
  bool has_bias;
  ChannelQuant quant() const;
};

struct PoolCase {
  PoolParams p;
  Dims4 in, out;
};

// The shared case data (one case at a time).
struct Buffers {
  int8_t input[kMaxInput];
  int8_t weights[kMaxWeights];
  int32_t bias[kMaxChannels];
  float input_f[kMaxInput];
  float weights_f[kMaxWeights];
  float bias_f[kMaxChannels];
  float filter_scales[kMaxChannels];
  int32_t multiplier[kMaxChannels];
  int8_t shift[kMaxChannels];
};
extern Buffers g_case;

// Fills g_case and returns the case (resampling until the geometry is valid). `assembly_path`
// draws only cases the assembly loops take (full-range clamp, bias, multiplier in the fast range,
// input depth a multiple of 4), which random draws hit too rarely on their own. `three_by_three`
// draws depthwise 3x3 filters at stride 1 or 2 without dilation, depth multiplier 1 (the planar
// path's dedicated assembly loops and output stage).
ConvCase make_conv_case(Rng* rng, bool depthwise, bool assembly_path = false,
                        bool three_by_three = false);
FcCase make_fc_case(Rng* rng, bool assembly_path = false);
PoolCase make_pool_case(Rng* rng, bool int8);

}  // namespace sweep
