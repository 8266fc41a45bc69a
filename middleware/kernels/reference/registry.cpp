#include "reference/registry.hpp"

#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace {

// Version ranges: every operator version whose semantics the kernels implement; check() still
// rejects unsupported types within a version (e.g. int16 variants).
const OpRegistration kEntries[] = {
    {tflite::BuiltinOperator_ADD, 1, 4, &kAdd},
    {tflite::BuiltinOperator_AVERAGE_POOL_2D, 1, 3, &kAveragePool2D},
    {tflite::BuiltinOperator_CONCATENATION, 1, 3, &kConcatenation},
    {tflite::BuiltinOperator_CONV_2D, 1, 5, &kConv2D},
    {tflite::BuiltinOperator_DEPTHWISE_CONV_2D, 1, 6, &kDepthwiseConv2D},
    {tflite::BuiltinOperator_DEQUANTIZE, 1, 4, &kDequantize},
    {tflite::BuiltinOperator_FULLY_CONNECTED, 1, 12, &kFullyConnected},
    {tflite::BuiltinOperator_LOGISTIC, 1, 3, &kLogistic},
    {tflite::BuiltinOperator_MAX_POOL_2D, 1, 3, &kMaxPool2D},
    {tflite::BuiltinOperator_MEAN, 1, 3, &kMean},
    {tflite::BuiltinOperator_MUL, 1, 4, &kMul},
    {tflite::BuiltinOperator_PAD, 1, 3, &kPad},
    {tflite::BuiltinOperator_QUANTIZE, 1, 3, &kQuantize},
    {tflite::BuiltinOperator_RELU, 1, 3, &kRelu},
    {tflite::BuiltinOperator_RELU6, 1, 3, &kRelu6},
    {tflite::BuiltinOperator_RESHAPE, 1, 2, &kReshape},
    {tflite::BuiltinOperator_SOFTMAX, 1, 3, &kSoftmax},
    {tflite::BuiltinOperator_TANH, 1, 3, &kTanh},
};

const Registry kRegistry(kEntries, sizeof(kEntries) / sizeof(kEntries[0]));

}  // namespace

const Registry& registry() { return kRegistry; }

}  // namespace reference
}  // namespace kernels
}  // namespace strata
