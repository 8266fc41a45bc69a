// Small validation helpers used by every kernel's prepare(): operand counts, types, ranks and
// shapes, each failing with an OpError that names the operator and the offending operand.
#pragma once

#include <cstdint>

#include "common/checked_math.hpp"
#include "common/dims.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

inline uint32_t align8(uint32_t n) { return (n + 7u) & ~7u; }

// Number of inputs in [min_in, max_in], exactly one output, and input 0 / output 0 present.
Status check_arity(const OpContext& ctx, uint32_t min_in, uint32_t max_in);

Status check_type(const OpContext& ctx, const TensorView& t, const char* role, DataType type);

// Requires a quantized int8 tensor: check_type, then check_quantized.
Status check_int8_quantized(const OpContext& ctx, const TensorView& t, const char* role);

// Requires per-tensor quantization fit for t's type: a finite scale > 0 and a zero point in the
// type's range (int8, uint8, int32), or 0 (int16: TFLite's 16-bit activations are symmetric).
Status check_quantized(const OpContext& ctx, const TensorView& t, const char* role);

// Requires a tensor without quantization parameters (integer ops that TFLite runs on plain
// integers only).
Status check_unquantized(const OpContext& ctx, const TensorView& t, const char* role);

// Rank-4 (NHWC) tensor to Dims4.
Status get_dims4(const OpContext& ctx, const TensorView& t, const char* role, Dims4* d);

// A 2-D tensor of exactly [rows, cols].
Status check_matrix(const OpContext& ctx, const TensorView& t, const char* role, int32_t rows,
                    int32_t cols);

// Output must have exactly the given 4-D shape.
Status check_dims4(const OpContext& ctx, const TensorView& t, const char* role, const Dims4& d);

// inplace_lead_bytes for an element-wise kernel that reads element i of input 0 before writing
// element i of the output (and never reads an earlier element again).
uint32_t elementwise_inplace_lead(uint32_t elements, uint32_t in_elem_bytes,
                                  uint32_t out_elem_bytes);

// The value of a size computed from model data, or a kUnsupported error naming `what` when it
// exceeds kMaxBytes (see common/checked_math.hpp).
Status require_size(const OpContext& ctx, CheckedSize size, const char* what, uint32_t* out);

// Same element count and byte size (for element-wise ops).
Status check_same_size(const OpContext& ctx, const TensorView& a, const TensorView& b);

// Same rank and dims: the output of an element-wise op has its input's shape.
Status check_same_shape(const OpContext& ctx, const TensorView& a, const TensorView& b);

// An element-wise op whose one output has its one input's type and shape: checks those, and
// declares the element-wise in-place lead (req->inplace_lead_bytes).
Status check_elementwise(const OpContext& ctx, OpRequirements* req);

// check_elementwise for an op of float32 or int8 with quantized input and output; sets the
// variant (kFloat32 or kInt8).
Status check_float32_or_int8_elementwise(const OpContext& ctx, OpRequirements* req);

// The variant named after a tensor type (kFloat32 for float32, ...); kNone for a type without one.
Variant variant_of(DataType type);

// kUnsupported "input type <t> is not supported (<supported>)".
Status unsupported_input_type(const OpContext& ctx, const char* supported);

}  // namespace kernels
}  // namespace strata
