// The optimized kernel backend: the ops and variants where Cortex-M DSP instructions (int8) and
// register-blocked FPU loops (float32) pay off, with the reference backend's behaviour. registry()
// falls back to the reference backend for every other op and variant, so a model runs with the
// optimized backend whenever it runs with the reference one. The table is generated from the op
// manifest (kernels/op_manifest.txt) at build time.
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace optimized {

extern const Registry kRegistry;
const Registry& registry();

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
