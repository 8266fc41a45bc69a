// Optimized ADD on plain buffers, with the reference semantics (reference/arithmetic.hpp).
//
// int8 ADD rescales each input with its own fixed-point multiplier before the sum. An input is
// int8, so its rescaled value takes one of 256 values: for tensors of at least kAddTableMinCount
// elements the two 256-entry tables are computed once per invoke (exactly the reference's
// intermediate values) and each element costs two table loads, an add and one requantization,
// instead of three. Broadcasting and float32 use the reference loops.
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"
#include "common/broadcast.hpp"

namespace strata {
namespace kernels {
namespace optimized {

constexpr int32_t kAddTableMinCount = 512;

// Scratch for an int8 ADD of `count` elements without broadcasting (0 when tables do not pay).
uint32_t add_int8_scratch_bytes(int32_t count, bool broadcasts);

void add_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out, void* scratch);

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
