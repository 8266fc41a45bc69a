// Shared check for element-wise unary ops (LOGISTIC, TANH, RELU, RELU6, QUANTIZE, DEQUANTIZE):
// one input, one output, same element count, and the pair of types the kernel supports.
#pragma once

#include <cstdint>

#include "kernel.hpp"

namespace strata {
namespace kernels {

// Op data of every element-wise unary op: the element count plus up to 24 bytes of parameters
// (SigmoidParams, RequantizeParams or a scale/zero point).
struct UnaryOpData {
  int32_t count;
  int32_t reserved;
  int32_t words[6];
};
static_assert(sizeof(UnaryOpData) == 32, "arena-resident layout");

template <typename T>
const T& unary_params(const UnaryOpData& d) {
  static_assert(sizeof(T) <= sizeof(d.words), "parameters too large");
  return *reinterpret_cast<const T*>(d.words);
}
template <typename T>
T* unary_params(UnaryOpData* d) {
  static_assert(sizeof(T) <= sizeof(d->words), "parameters too large");
  return reinterpret_cast<T*>(d->words);
}

// Checks arity, equal element counts and that (input, output) types are (in_type, out_type);
// int8 operands must carry quantization.
// Also sets req->op_data_bytes to sizeof(UnaryOpData) and the element-wise inplace_lead_bytes.
Status unary_check(const OpContext& ctx, DataType in_type, DataType out_type, OpRequirements* req);

}  // namespace kernels
}  // namespace strata
