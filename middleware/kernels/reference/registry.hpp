// The reference kernel backend: every op Strata implements, in portable C++. This table is the
// specification other backends are tested against, and the fallback for ops they lack.
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace reference {

const Registry& registry();

// The kernels themselves, for resolvers that list only the ops a model uses. The *Int8 and
// *Float32 kernels accept only that variant, so a firmware whose model is all-int8 (or all-float)
// does not link the other variants' compute code.
extern const Kernel kAdd;
extern const Kernel kAveragePool2D;
extern const Kernel kConcatenation;
extern const Kernel kConv2D;
extern const Kernel kDepthwiseConv2D;
extern const Kernel kDequantize;
extern const Kernel kFullyConnected;
extern const Kernel kLogistic;
extern const Kernel kMaxPool2D;
extern const Kernel kMean;
extern const Kernel kMul;
extern const Kernel kPad;
extern const Kernel kQuantize;
extern const Kernel kRelu;
extern const Kernel kRelu6;
extern const Kernel kReshape;
extern const Kernel kSoftmax;
extern const Kernel kTanh;

extern const Kernel kAveragePool2DInt8;
extern const Kernel kAveragePool2DFloat32;
extern const Kernel kConv2DInt8;
extern const Kernel kConv2DFloat32;
extern const Kernel kDepthwiseConv2DInt8;
extern const Kernel kDepthwiseConv2DFloat32;
extern const Kernel kFullyConnectedInt8;
extern const Kernel kFullyConnectedFloat32;
extern const Kernel kMaxPool2DInt8;
extern const Kernel kMaxPool2DFloat32;
extern const Kernel kSoftmaxInt8;
extern const Kernel kSoftmaxFloat32;

}  // namespace reference
}  // namespace kernels
}  // namespace strata
