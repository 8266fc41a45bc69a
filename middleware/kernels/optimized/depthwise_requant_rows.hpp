// The output stage of the planar depthwise path (depthwise_outputs.hpp) for the usual case: every
// output on the fast requantization path into the full int8 range. One call writes all rows of a
// channel's band: bias, requantization (requantize.hpp) and SSAT per accumulator, outputs `step`
// bytes apart. Thumb-2 assembly on Armv7E-M (depthwise_requant_rows_arm.cpp: 10 instructions per
// output, where GCC's loop takes 12 with its address arithmetic); portable C++ elsewhere.
#pragma once

#include <cstdint>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

struct RequantRowsArgs {
  const int32_t* acc;     // first accumulator row (word aligned)
  int32_t acc_row_bytes;  // bytes between accumulator rows
  int32_t step;           // bytes between the outputs of a row
  int8_t* dst;            // first output of the first row
  int32_t dst_row_bytes;  // bytes between output rows
  int32_t rows;           // >= 1
  int32_t out_w;          // outputs per row, >= 1
  uint32_t constant_lo;   // ChannelRequant::constant, low word
  uint32_t constant_hi;   // ChannelRequant::constant, high word
  int32_t multiplier;     // ChannelRequant::multiplier
  int32_t shift;          // ChannelRequant::shift
  int32_t bias;
};

inline RequantRowsArgs make_requant_rows_args(const int32_t* acc, int32_t acc_stride, int8_t* dst,
                                              int32_t row_stride, int32_t step, int32_t rows,
                                              int32_t out_w, const ChannelRequant& r,
                                              int32_t bias) {
  const uint64_t k = static_cast<uint64_t>(r.constant);
  return RequantRowsArgs{acc,
                         acc_stride * 4,
                         step,
                         dst,
                         row_stride,
                         rows,
                         out_w,
                         static_cast<uint32_t>(k),
                         static_cast<uint32_t>(k >> 32),
                         r.multiplier,
                         r.shift,
                         bias};
}

void requant_rows_full_range(const RequantRowsArgs& args);

#if !STRATA_ARM_DSP
// Portable form of the loop depthwise_requant_rows_arm.cpp implements in assembly.
inline void requant_rows_full_range(const RequantRowsArgs& a) {
  ChannelRequant r;
  r.constant = static_cast<int64_t>((static_cast<uint64_t>(a.constant_hi) << 32) | a.constant_lo);
  r.multiplier = a.multiplier;
  r.shift = a.shift;
  const int32_t* acc = a.acc;
  int8_t* row = a.dst;
  for (int32_t y = 0; y < a.rows; ++y) {
    int8_t* dst = row;
    for (int32_t x = 0; x < a.out_w; ++x, dst += a.step) {
      *dst = static_cast<int8_t>(dsp::ssat<8>(requantize_fast(acc[x] + a.bias, r)));
    }
    acc = reinterpret_cast<const int32_t*>(reinterpret_cast<const uint8_t*>(acc) + a.acc_row_bytes);
    row += a.dst_row_bytes;
  }
}
#endif

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
