// The copy behind SPLIT, SPLIT_V and UNPACK: the input cut along one axis into consecutive pieces,
// one per output, elements copied by size (the inverse of reference/concatenation.hpp).
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace reference {

// Checks the outputs against the input `input_index` cut along `axis` (already in range):
// same type, every dimension but the axis equal (UNPACK, `drop_axis`: the axis is gone and each
// output is one slice of it), axis sizes summing to the input's. Fills the op data.
Status split_prepare(const OpContext& ctx, uint32_t input_index, int32_t axis, bool drop_axis,
                     OpRequirements* req, void* op_data);

void split_invoke(const OpCall& call, uint32_t input_index);

// The constant scalar int32 axis of SPLIT and SPLIT_V, made non-negative for a rank-`rank` input.
Status constant_axis(const OpContext& ctx, const TensorView& axis, int32_t rank, int32_t* out);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
