// Fused activation functions (the TFLite ActivationFunctionType enum) and the clamp ranges they
// imply, in float and in the quantized domain of an output tensor.
//
// Kernels never evaluate RELU/RELU6 separately: they clamp to the range computed here at prepare
// time, exactly as TensorFlow Lite does.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

// Values as in the TFLite schema's ActivationFunctionType.
enum class FusedActivation : int8_t {
  kNone = 0,
  kRelu = 1,
  kReluN1To1 = 2,
  kRelu6 = 3,
  kTanh = 4,
  kSignBit = 5,
};

struct FloatRange {
  float min;
  float max;
};

struct QuantRange {
  int32_t min;
  int32_t max;
};

// Returns false for activations that are not a clamp (TANH, SIGN_BIT): kernels reject those.
bool activation_range_float(FusedActivation act, FloatRange* range);

// Clamp range in the output's quantized domain, intersected with [qmin, qmax] of the type.
bool activation_range_quantized(FusedActivation act, float scale, int32_t zero_point, int32_t qmin,
                                int32_t qmax, QuantRange* range);

}  // namespace kernels
}  // namespace strata
