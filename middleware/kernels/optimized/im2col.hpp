// Window gathering ("im2col") for the optimized convolutions: copies the receptive field of one
// output pixel into a contiguous row, in the filter's [kh][kw][channels] order, so the inner
// product runs over one flat array with no bounds checks. Positions in the implicit padding get
// `pad_value` (for int8: the input zero point, which the offset turns into 0, exactly like the
// reference skipping them).
#pragma once

#include <cstdint>
#include <cstring>

namespace strata {
namespace kernels {
namespace optimized {

// The geometry of one batch of input as a convolution reads it.
struct WindowGeometry8 {
  const int8_t* input;  // start of the batch
  int32_t in_h, in_w, in_c;
  int32_t kh, kw;
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_h, pad_w;
  int32_t ch_begin;  // first input channel of the window (grouped convolution)
  int32_t ch_count;  // channels per tap
  int8_t pad_value;
};

// Window length: kh * kw * ch_count.
inline int32_t window_size(const WindowGeometry8& g) { return g.kh * g.kw * g.ch_count; }

// The window of output pixel (oy, ox) into dst (window_size(g) bytes).
void gather_window(const WindowGeometry8& g, int32_t oy, int32_t ox, int8_t* dst);

// When the window of (oy, ox) is already one contiguous run of the input (1x1 filter over all
// channels), its start; else nullptr.
inline const int8_t* direct_window(const WindowGeometry8& g, int32_t oy, int32_t ox) {
  if (g.kh != 1 || g.kw != 1 || g.ch_count != g.in_c) return nullptr;
  const int32_t iy = oy * g.stride_h - g.pad_h;
  const int32_t ix = ox * g.stride_w - g.pad_w;
  if (iy < 0 || iy >= g.in_h || ix < 0 || ix >= g.in_w) return nullptr;
  return g.input + (iy * g.in_w + ix) * g.in_c;
}

// Gathers the window of (oy, ox) straight into row j of an n-row expanded block
// (int8_dot.hpp layout), adding `offset`: rows of the window inside the input are expanded from
// the input directly, others go through `row` (kw * ch_count bytes of scratch). Requires
// (kw * ch_count) % 4 == 0, so every window row is a whole number of groups of 4.
void gather_expand(const WindowGeometry8& g, int32_t oy, int32_t ox, int32_t offset, int32_t n,
                   int32_t j, int8_t* row, uint32_t* block);

inline bool can_gather_expand(const WindowGeometry8& g) { return (g.kw * g.ch_count) % 4 == 0; }

// Byte copy and fill used by the gatherers (word-wide, inline: no call overhead for the short
// runs a window row is made of).
inline void copy_bytes(int8_t* dst, const int8_t* src, int32_t n) {
  for (; n >= 4; n -= 4, dst += 4, src += 4) {
    uint32_t w;
    std::memcpy(&w, src, 4);  // unaligned LDR/STR on Armv7-M
    std::memcpy(dst, &w, 4);
  }
  for (; n > 0; --n) *dst++ = *src++;
}

inline void fill_bytes(int8_t* dst, int8_t value, int32_t n) {
  const uint32_t w = (static_cast<uint32_t>(value) & 0xFFu) * 0x01010101u;
  for (; n >= 4; n -= 4, dst += 4) std::memcpy(dst, &w, 4);
  for (; n > 0; --n) *dst++ = value;
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
