// The operand-type variants of the ops with weights (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED)
// and how a kernel's check() picks the invoke function for one: the three ops accept the same
// type combinations, so they pick (and reject) them in one place.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

// All float32, all int8, or hybrid: float32 activations with int8 weights (quantized on the fly).
enum class WeightedVariant : uint8_t { kFloat32, kInt8, kHybrid };

// A null entry makes check() reject that variant (type-specific kernels link less code).
struct WeightedInvokers {
  InvokeFn float32;
  InvokeFn int8;
  InvokeFn hybrid;
};

// The variant from the types of input 0 and the weights (input 1, named weights_role in the
// error); also requires the output type it implies (int8 for int8, else float32).
Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, WeightedVariant* v);

// Sets req->invoke to the entry of fns for v; fails when that entry is null.
Status select_weighted_invoke(const OpContext& ctx, const WeightedInvokers& fns, WeightedVariant v,
                              OpRequirements* req);

}  // namespace kernels
}  // namespace strata
