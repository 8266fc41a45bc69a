#include "common/conv_params.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

bool fits_i16(int32_t v) { return v >= -32768 && v <= 32767; }

}  // namespace

bool compute_conv_geometry(const ConvGeometry& g, ConvParams* p, int32_t* out_h, int32_t* out_w) {
  PaddingResult ph;
  PaddingResult pw;
  if (!compute_padding(g.padding, g.in_h, g.filter_h, g.stride_h, g.dilation_h, &ph)) return false;
  if (!compute_padding(g.padding, g.in_w, g.filter_w, g.stride_w, g.dilation_w, &pw)) return false;
  const int32_t values[] = {g.stride_h, g.stride_w, g.dilation_h,      g.dilation_w,
                            ph.before,  pw.before,  g.depth_multiplier};
  for (int32_t v : values) {
    if (!fits_i16(v)) return false;
  }
  p->stride_h = static_cast<int16_t>(g.stride_h);
  p->stride_w = static_cast<int16_t>(g.stride_w);
  p->dilation_h = static_cast<int16_t>(g.dilation_h);
  p->dilation_w = static_cast<int16_t>(g.dilation_w);
  p->pad_h = static_cast<int16_t>(ph.before);
  p->pad_w = static_cast<int16_t>(pw.before);
  p->pad_h_offset = static_cast<int8_t>(ph.offset);
  p->pad_w_offset = static_cast<int8_t>(pw.offset);
  p->depth_multiplier = static_cast<int16_t>(g.depth_multiplier);
  *out_h = ph.out_size;
  *out_w = pw.out_size;
  return true;
}

bool compute_conv_quant(FusedActivation act, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, ConvParams* p, int32_t qmin, int32_t qmax) {
  QuantRange r;
  if (!activation_range_quantized(act, output_scale, output_zero_point, qmin, qmax, &r)) {
    return false;
  }
  p->input_offset = -input_zero_point;
  p->output_offset = output_zero_point;
  p->act_min = r.min;
  p->act_max = r.max;
  p->act_min_f = 0.0f;
  p->act_max_f = 0.0f;
  return true;
}

bool compute_conv_float(FusedActivation act, ConvParams* p) {
  FloatRange r;
  if (!activation_range_float(act, &r)) return false;
  p->input_offset = 0;
  p->output_offset = 0;
  p->act_min = -128;
  p->act_max = 127;
  p->act_min_f = r.min;
  p->act_max_f = r.max;
  return true;
}

void compute_channel_multipliers(float input_scale, const float* filter_scales,
                                 int32_t num_filter_scales, float output_scale, int32_t channels,
                                 int32_t* multiplier, int8_t* shift) {
  for (int32_t c = 0; c < channels; ++c) {
    const float filter_scale = filter_scales[num_filter_scales == 1 ? 0 : c];
    // TFLite's double(in) * double(filter) / double(out), computed without double arithmetic.
    int s = 0;
    quantize_scale_ratio(input_scale, filter_scale, output_scale, &multiplier[c], &s);
    shift[c] = static_cast<int8_t>(s);
  }
}

}  // namespace kernels
}  // namespace strata
