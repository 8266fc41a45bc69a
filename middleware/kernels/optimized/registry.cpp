#include "optimized/registry.hpp"

#include "reference/registry.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

// Version ranges as in the reference registry: the optimized kernels implement the same
// semantics (they share check/prepare with it through kernels/common).
const OpRegistration kEntries[] = {
    {tflite::BuiltinOperator_ADD, 1, 4, &kAdd},
    {tflite::BuiltinOperator_AVERAGE_POOL_2D, 1, 3, &kAveragePool2D},
    {tflite::BuiltinOperator_CONV_2D, 1, 5, &kConv2D},
    {tflite::BuiltinOperator_DEPTHWISE_CONV_2D, 1, 6, &kDepthwiseConv2D},
    {tflite::BuiltinOperator_FULLY_CONNECTED, 1, 12, &kFullyConnected},
    {tflite::BuiltinOperator_MAX_POOL_2D, 1, 3, &kMaxPool2D},
};

// The ops this backend takes from the reference backend (cheap, memory-bound or rare ops where
// SIMD does not change the picture). Written with the namespace so the model generator's table
// reader (models/gen/kernel_registry.py) sees them as not optimized and says so.
const OpRegistration kFallbacks[] = {
    {tflite::BuiltinOperator_CONCATENATION, 1, 3, &reference::kConcatenation},
    {tflite::BuiltinOperator_DEQUANTIZE, 1, 4, &reference::kDequantize},
    {tflite::BuiltinOperator_LOGISTIC, 1, 3, &reference::kLogistic},
    {tflite::BuiltinOperator_MEAN, 1, 3, &reference::kMean},
    {tflite::BuiltinOperator_MUL, 1, 4, &reference::kMul},
    {tflite::BuiltinOperator_PAD, 1, 3, &reference::kPad},
    {tflite::BuiltinOperator_QUANTIZE, 1, 3, &reference::kQuantize},
    {tflite::BuiltinOperator_RELU, 1, 3, &reference::kRelu},
    {tflite::BuiltinOperator_RELU6, 1, 3, &reference::kRelu6},
    {tflite::BuiltinOperator_RESHAPE, 1, 2, &reference::kReshape},
    {tflite::BuiltinOperator_SOFTMAX, 1, 3, &reference::kSoftmax},
    {tflite::BuiltinOperator_TANH, 1, 3, &reference::kTanh},
};

const OpResolver kFallbackRegistry(kFallbacks, sizeof(kFallbacks) / sizeof(kFallbacks[0]));
const OpResolver kRegistry(kEntries, sizeof(kEntries) / sizeof(kEntries[0]), &kFallbackRegistry);

}  // namespace

const Registry& registry() { return kRegistry; }

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
