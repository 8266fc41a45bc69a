#include "optimized/depthwise_channels.hpp"

#include <cstring>

#include "optimized/arm_dsp_shim.hpp"
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

// wp[pair * C + c] = (w[2 pair][c], w[2 pair + 1][c]); an odd last tap pairs with 0.
void pack_weights(const Dims4& filter, const int8_t* w, uint32_t* wp) {
  const int32_t taps = filter.h * filter.w;
  const int32_t c_count = filter.c;
  for (int32_t t = 0; t < taps; t += 2) {
    for (int32_t c = 0; c < c_count; ++c) {
      *wp++ = pack16(w[t * c_count + c], t + 1 < taps ? w[(t + 1) * c_count + c] : 0);
    }
  }
}

// Tap pointers of output pixel (oy, ox), in pairs; taps outside the input (and the odd tap's
// partner) point at the zero-point row.
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
  *taps = zero_row;
}

// Four channels of one pixel. Returns the 4 accumulators (bias included) in acc.
inline void channel_group(const int8_t* const* taps, int32_t pairs, int32_t c, int32_t c_count,
                          uint32_t off2, const uint32_t* wp, int32_t* acc) {
  int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  const uint32_t* w = wp + c;
  for (int32_t i = 0; i < pairs; ++i, taps += 2, w += c_count) {
    const uint32_t l0 = load_u32(taps[0] + c);
    const uint32_t l1 = load_u32(taps[1] + c);
    // Even lanes (channels c, c+2) of both taps, re-paired per channel, then odd lanes.
    const uint32_t e0 = dsp::sxtab16(off2, l0);
    const uint32_t e1 = dsp::sxtab16(off2, l1);
    a0 = dsp::smlad(dsp::pkhbt(e0, e1), w[0], a0);
    a2 = dsp::smlad(dsp::pkhtb(e1, e0), w[2], a2);
    const uint32_t o0 = dsp::sxtab16_ror8(off2, l0);
    const uint32_t o1 = dsp::sxtab16_ror8(off2, l1);
    a1 = dsp::smlad(dsp::pkhbt(o0, o1), w[1], a1);
    a3 = dsp::smlad(dsp::pkhtb(o1, o0), w[3], a3);
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

inline void requantize4(const int32_t* acc, const ChannelRequant* r, int8_t* out) {
#pragma GCC unroll 4
  for (int k = 0; k < 4; ++k) {
    out[k] = static_cast<int8_t>(dsp::ssat<8>(requantize_fast(acc[k], r[k])));
  }
}

}  // namespace

uint32_t channels_scratch_bytes(const Dims4& in, const Dims4& filter) {
  const uint32_t c = static_cast<uint32_t>(in.c);
  const uint32_t pairs = static_cast<uint32_t>((filter.h * filter.w + 1) / 2);
  return pairs * c * 4u + c * static_cast<uint32_t>(sizeof(ChannelRequant)) + ((c + 7u) & ~7u);
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
  const int32_t pairs = (taps + 1) / 2;
  auto* wp = static_cast<uint32_t*>(scratch);
  auto* table = reinterpret_cast<ChannelRequant*>(wp + pairs * c_count);
  auto* zero_row = reinterpret_cast<int8_t*>(table + c_count);
  pack_weights(filter, weights, wp);
  for (int32_t c = 0; c < c_count; ++c) {
    const int32_t ch = q.per_channel ? c : 0;
    table[c] = make_channel_requant(q.multiplier[ch], q.shift[ch], p.output_offset);
  }
  std::memset(zero_row, static_cast<int8_t>(-p.input_offset), static_cast<size_t>(c_count));
  const uint32_t off2 = (static_cast<uint32_t>(p.input_offset) & 0xFFFFu) * 0x10001u;
  const int8_t* tap_ptrs[kMaxTaps + 1];
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w * c_count;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, output += c_count) {
        window_taps(p, in, batch, filter, oy, ox, zero_row, tap_ptrs);
        for (int32_t c = 0; c < c_count; c += 4) {
          int32_t acc[4];
          std::memcpy(acc, bias + c, sizeof acc);
          channel_group(tap_ptrs, pairs, c, c_count, off2, wp, acc);
          requantize4(acc, table + c, output + c);
        }
      }
    }
  }
  return true;
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
