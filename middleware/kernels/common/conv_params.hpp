// Parameters of CONV_2D and DEPTHWISE_CONV_2D computed once at prepare time, and the code that
// computes them from tensor quantization and builtin options.
//
// This is the "prepare" half of the convolution kernels, shared by the reference and optimized
// backends: an optimized kernel reuses ConvParams and the per-channel multipliers unchanged and
// only replaces the inner loops. ConvParams lives in the interpreter arena, so it holds only
// fixed-width fields (identical size on a 64-bit host and a 32-bit Cortex-M).
#pragma once

#include <cstdint>

#include "common/activation.hpp"
#include "common/padding.hpp"

namespace strata {
namespace kernels {

struct ConvParams {
  int16_t stride_h;
  int16_t stride_w;
  int16_t dilation_h;
  int16_t dilation_w;
  int16_t pad_h;             // rows of implicit zero padding above the input
  int16_t pad_w;             // columns of implicit zero padding left of the input
  int8_t pad_h_offset;       // 1 when SAME padding puts one extra row at the bottom
  int8_t pad_w_offset;       // 1 when SAME padding puts one extra column at the right
  int16_t depth_multiplier;  // depthwise only (1 for CONV_2D)
  int32_t input_offset;      // -input zero point (int8; 0 for int16)
  int32_t output_offset;     // output zero point (int8; 0 for int16)
  int32_t act_min;           // quantized clamp (int8, int16)
  int32_t act_max;
  float act_min_f;  // float clamp (float32 and hybrid)
  float act_max_f;
};
static_assert(sizeof(ConvParams) == 40, "ConvParams is arena-resident: keep its layout fixed");

// Per-output-channel requantization, viewed from arrays the caller owns (in the arena: int32
// multipliers followed by int8 shifts, 5 bytes per channel).
struct ChannelQuant {
  const int32_t* multiplier;
  const int8_t* shift;
  bool per_channel;  // false: element 0 applies to every channel
};

// What prepare knows about a windowed op: geometry from the builtin options and tensor shapes.
struct ConvGeometry {
  Padding padding;
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t in_h, in_w;
  int32_t filter_h, filter_w;
  int32_t depth_multiplier;
};

// Fills the geometry part of ConvParams and the expected output extents. Returns false for
// invalid geometry (zero stride or dilation, values beyond int16).
bool compute_conv_geometry(const ConvGeometry& g, ConvParams* p, int32_t* out_h, int32_t* out_w);

// Fills the activation and zero-point part for a quantized convolution whose output type has
// the range [qmin, qmax] (int8 by default; int16 for the 16x8 variant).
bool compute_conv_quant(FusedActivation act, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, ConvParams* p, int32_t qmin = -128,
                        int32_t qmax = 127);

// Fills the float clamp for float32 and hybrid convolutions.
bool compute_conv_float(FusedActivation act, ConvParams* p);

// multiplier[c], shift[c] for c < channels, from input_scale * filter_scale[c] / output_scale.
// A single filter scale (num_filter_scales == 1) is broadcast to every channel.
void compute_channel_multipliers(float input_scale, const float* filter_scales,
                                 int32_t num_filter_scales, float output_scale, int32_t channels,
                                 int32_t* multiplier, int8_t* shift);

}  // namespace kernels
}  // namespace strata
