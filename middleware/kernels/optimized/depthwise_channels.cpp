#include "optimized/depthwise_channels.hpp"

#include <cstring>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/depthwise_pixel_arm.hpp"
#include "optimized/int8_dot.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

// Largest window handled (its tap pointers live on the stack).
constexpr int32_t kMaxTaps = 64;

inline uint32_t pack16(int32_t lo, int32_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
}

// Per group of 4 channels, per tap, two words matching SXTB16 of the 4 input bytes:
// (w[c], w[c+2]) and (w[c+1], w[c+3]); a group's taps are consecutive (one walk per group).
void expand_weights(const Dims4& filter, const int8_t* w, uint32_t* we) {
  const int32_t taps = filter.h * filter.w;
  const int32_t c_count = filter.c;
  for (int32_t c = 0; c < c_count; c += 4) {
    for (int32_t t = 0; t < taps; ++t) {
      const int8_t* wt = w + t * c_count + c;
      *we++ = pack16(wt[0], wt[2]);
      *we++ = pack16(wt[1], wt[3]);
    }
  }
}

// The input offset folded into the bias: sum_t w (x_t + off) = sum_t w x_t + off * sum_t w, with
// padded taps reading the zero point (x = -off), so the loop needs no offset and no bounds.
void fold_bias(const Dims4& filter, const int8_t* w, const int32_t* bias, int32_t offset,
               int32_t* folded) {
  const int32_t taps = filter.h * filter.w;
  for (int32_t c = 0; c < filter.c; ++c) {
    int32_t sum = 0;
    for (int32_t t = 0; t < taps; ++t) sum += w[t * filter.c + c];
    folded[c] = bias[c] + offset * sum;
  }
}

// Tap pointers of output pixel (oy, ox); taps outside the input point at the zero-point row.
void window_taps(const ConvParams& p, const Dims4& in, const int8_t* batch, const Dims4& filter,
                 int32_t oy, int32_t ox, const int8_t* zero_row, const int8_t** taps) {
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = y0 + ky * p.dilation_h;
    const bool row_in = iy >= 0 && iy < in.h;
    for (int32_t kx = 0; kx < filter.w; ++kx) {
      const int32_t ix = x0 + kx * p.dilation_w;
      *taps++ = row_in && ix >= 0 && ix < in.w ? batch + (iy * in.w + ix) * in.c : zero_row;
    }
  }
}

}  // namespace

#if !STRATA_ARM_DSP
// Portable form of the per-pixel loop depthwise_pixel_arm.cpp implements in assembly.
void dw_pixel_groups(const DwPixelArgs& a) {
  const int32_t groups = a.channels / 4;
  for (int32_t g = 0; g < groups; ++g) {
    int32_t acc[4];
    std::memcpy(acc, a.bias + 4 * g, sizeof acc);
    const uint32_t* w = a.weights + 2 * g * a.taps;
    for (int32_t t = 0; t < a.taps; ++t, w += 2) {
      const uint32_t x = load_u32(a.tap_ptrs[t] + 4 * g);
      const uint32_t e = dsp::sxtb16(x);
      const uint32_t o = dsp::sxtb16_ror8(x);
      acc[0] = dsp::smlabb(e, w[0], acc[0]);
      acc[2] = dsp::smlatt(e, w[0], acc[2]);
      acc[1] = dsp::smlabb(o, w[1], acc[1]);
      acc[3] = dsp::smlatt(o, w[1], acc[3]);
    }
    for (int k = 0; k < 4; ++k) {
      a.out[4 * g + k] =
          static_cast<int8_t>(dsp::ssat<8>(requantize_fast(acc[k], a.table[4 * g + k])));
    }
  }
}
#endif

uint32_t channels_scratch_bytes(const Dims4& in, const Dims4& filter) {
  const uint32_t c = static_cast<uint32_t>(in.c);
  const uint32_t taps = static_cast<uint32_t>(filter.h * filter.w);
  return taps * c * 2u + c * static_cast<uint32_t>(sizeof(ChannelRequant)) + c * 4u +
         ((c + 7u) & ~7u);
}

bool depthwise_channels_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in,
                             const int8_t* input, const Dims4& filter, const int8_t* weights,
                             const int32_t* bias, const Dims4& out, int8_t* output, void* scratch) {
  const int32_t taps = filter.h * filter.w;
  const int32_t c_count = in.c;
  if (!channels_path_applies(p, in) || taps > kMaxTaps || bias == nullptr || p.act_min != -128 ||
      p.act_max != 127 || !all_channels_fast(q, c_count)) {
    return false;
  }
  // Scratch: table (8-byte aligned first), expanded weights, folded bias, zero-point row.
  auto* table = static_cast<ChannelRequant*>(scratch);
  auto* we = reinterpret_cast<uint32_t*>(table + c_count);
  auto* folded = reinterpret_cast<int32_t*>(we + taps * c_count / 2);
  auto* zero_row = reinterpret_cast<int8_t*>(folded + c_count);
  for (int32_t c = 0; c < c_count; ++c) {
    const int32_t ch = q.per_channel ? c : 0;
    table[c] = make_channel_requant(q.multiplier[ch], q.shift[ch], p.output_offset);
  }
  expand_weights(filter, weights, we);
  fold_bias(filter, weights, bias, p.input_offset, folded);
  std::memset(zero_row, static_cast<int8_t>(-p.input_offset), static_cast<size_t>(c_count));
  const int8_t* tap_ptrs[kMaxTaps];
  DwPixelArgs args = {tap_ptrs, taps, we, folded, table, output, c_count, 0};
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w * c_count;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, args.out += c_count) {
        window_taps(p, in, batch, filter, oy, ox, zero_row, tap_ptrs);
        dw_pixel_groups(args);
      }
    }
  }
  return true;
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
