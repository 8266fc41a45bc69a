// Small validation helpers used by every kernel's check(): operand counts, types, ranks and
// shapes, each failing with an OpError that names the operator and the offending operand.
#pragma once

#include <cstdint>

#include "common/dims.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

inline uint32_t align8(uint32_t n) { return (n + 7u) & ~7u; }

// Number of inputs in [min_in, max_in], exactly one output, and input 0 / output 0 present.
Status check_arity(const OpContext& ctx, uint32_t min_in, uint32_t max_in);

Status check_type(const OpContext& ctx, const TensorView& t, const char* role, DataType type);

// Requires a quantized int8 tensor with a scale > 0.
Status check_int8_quantized(const OpContext& ctx, const TensorView& t, const char* role);

// Rank-4 (NHWC) tensor to Dims4.
Status get_dims4(const OpContext& ctx, const TensorView& t, const char* role, Dims4* d);

// Output must have exactly the given 4-D shape.
Status check_dims4(const OpContext& ctx, const TensorView& t, const char* role, const Dims4& d);

// inplace_lead_bytes for an element-wise kernel that reads element i of input 0 before writing
// element i of the output (and never reads an earlier element again).
uint32_t elementwise_inplace_lead(uint32_t elements, uint32_t in_elem_bytes,
                                  uint32_t out_elem_bytes);

// Fails with kUnsupported when a backend (or a type-specific kernel such as kConv2DInt8) has no
// invoke function for the variant the operator needs.
Status check_variant(const OpContext& ctx, InvokeFn fn, const char* variant);

// Same element count and byte size (for element-wise ops).
Status check_same_size(const OpContext& ctx, const TensorView& a, const TensorView& b);

}  // namespace kernels
}  // namespace strata
