// The operand-type variants of the ops with weights (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED):
// the three ops accept the same type combinations, so they pick (and reject) them in one place.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

// The variant from the types of input 0 and the weights (input 1, named weights_role in the
// error): Variant::kFloat32 (all float32), kInt8 (all int8) or kHybrid (float32 activations with
// int8 weights, quantized on the fly); also requires the output type it implies (int8 for int8,
// else float32).
Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, Variant* v);

}  // namespace kernels
}  // namespace strata
