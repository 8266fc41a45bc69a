// The int8 FULLY_CONNECTED row loop in Thumb-2 assembly: every unit from its bias through the
// SMLAD inner product (16 weights per LDM) to the requantized int8 output, with the per-unit state
// in a stack frame so the 13 registers of the inner product are not spilled around each row.
//
// Preconditions (checked by the caller, else the C++ path runs): Armv7E-M; weight rows word
// aligned and a multiple of 16 bytes; every unit on the fast requantization path, full-range
// clamp, bias present. `table` advances by `table_step` bytes per unit (0: per-tensor constants).
#pragma once

#include <cstdint>

#include "optimized/arm_dsp_shim.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

struct FcUnitsArgs {
  const int8_t* weights;        // first row
  const uint32_t* x;            // the widened input (fc_dot.hpp layout)
  int32_t blocks;               // depth / 16, >= 1
  const int32_t* bias;          // first unit's bias
  const ChannelRequant* table;  // first unit's constants
  int32_t table_step;           // 0 or sizeof(ChannelRequant)
  int8_t* out;                  // first unit's output
  int32_t units;                // >= 1
};

#if STRATA_ARM_DSP
void fc_units_fast(const FcUnitsArgs& args);
#endif

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
