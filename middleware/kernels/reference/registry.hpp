// The reference kernel backend: every op Strata implements, in portable C++. Its table is the
// specification other backends are tested against, and the fallback for ops and variants they
// lack. The table is generated from the op manifest (kernels/op_manifest.txt) at build time.
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace reference {

extern const Registry kRegistry;
const Registry& registry();

}  // namespace reference
}  // namespace kernels
}  // namespace strata
