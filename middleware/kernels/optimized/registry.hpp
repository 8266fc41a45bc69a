// The optimized kernel backend: the ops where Cortex-M DSP instructions (int8) and register-blocked
// FPU loops (float32) pay off, same names and behaviour as the reference backend. registry()
// resolves every other op to the reference kernel (its table of fallbacks is listed in
// registry.cpp), so a model runs with the optimized backend whenever it runs with the reference.
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace optimized {

// The optimized kernels, falling back to the reference kernels for the ops listed as such.
const Registry& registry();

extern const Kernel kAdd;
extern const Kernel kAveragePool2D;
extern const Kernel kConv2D;
extern const Kernel kDepthwiseConv2D;
extern const Kernel kFullyConnected;
extern const Kernel kMaxPool2D;

// Single-variant kernels (see reference/registry.hpp): link only that variant's compute code.
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

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
