// Shared validation and invoke glue of element-wise unary ops (LOGISTIC, TANH, RELU, RELU6,
// QUANTIZE, DEQUANTIZE): one input, one output, same element count, and the pair of types the
// kernel supports.
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

// Parameters of QUANTIZE float32 -> int8 and DEQUANTIZE int8 -> float32: the int8 side's
// quantization.
struct ScaleZeroPoint {
  float scale;
  int32_t zero_point;
};

// Checks arity, equal element counts and that (input, output) types are (in_type, out_type);
// int8 operands must carry quantization.
// Also sets req->op_data_bytes to sizeof(UnaryOpData) and the element-wise inplace_lead_bytes.
Status unary_check(const OpContext& ctx, DataType in_type, DataType out_type, OpRequirements* req);

// Invoke functions of the element-wise kernels, whose compute functions all take the element
// count and plain buffers (int8 ones also their parameters from prepare):
//   req->invoke = unary_invoke_int8<SigmoidParams, logistic_int8>;
template <void (*kFloat32)(int32_t count, const float* input, float* output)>
void unary_invoke_float32(const OpCall& call) {
  kFloat32(call.data<UnaryOpData>().count, static_cast<const float*>(call.input(0)),
           static_cast<float*>(call.output(0)));
}
template <typename Params,
          void (*kInt8)(const Params& p, int32_t count, const int8_t* input, int8_t* output)>
void unary_invoke_int8(const OpCall& call) {
  const UnaryOpData& d = call.data<UnaryOpData>();
  kInt8(unary_params<Params>(d), d.count, static_cast<const int8_t*>(call.input(0)),
        static_cast<int8_t*>(call.output(0)));
}

// unary_check for an activation whose output type is its input's, float32 or int8, and
// req->variant set to that type. Callers add their own int8 quantization rules.
Status unary_same_type_check(const OpContext& ctx, OpRequirements* req);

// LOGISTIC and TANH map their output range onto int8 exactly, so TFLite fixes their int8 output
// quantization: scale 1/scale_inverse and this zero point. Float outputs pass.
Status check_fixed_int8_output(const OpContext& ctx, int32_t scale_inverse, int32_t zero_point);

// Op data of an activation whose int8 parameters depend only on the input quantization
// (LOGISTIC, TANH, RELU6): the element count, and for int8 the parameters compute_int8 derives.
template <typename Params>
void fill_unary_from_input(const OpContext& ctx, UnaryOpData* d,
                           void (*compute_int8)(float, int32_t, Params*)) {
  const TensorView& in = ctx.input(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kInt8) compute_int8(in.scale, in.zero_point, unary_params<Params>(d));
}

}  // namespace kernels
}  // namespace strata
