// The reference kernel backend: every op Strata implements, in portable C++. This table is the
// specification other backends are tested against, and the fallback for ops they lack.
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace reference {

const Registry& registry();

// The kernels themselves, for resolvers that list only the ops a model uses.
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

}  // namespace reference
}  // namespace kernels
}  // namespace strata
