// Small float32 kernels owned by the runtime tests, so interpreter behaviour (op data, scratch,
// aliasing, folding, in-place placement, optional inputs) is tested independently of the real
// kernel backends:
//   ADD (v1-2)     out = (a + b) * factor, factor = 1 kept in op data; runs in place (lead 4)
//   MUL (v1)       out = 2 * a computed through a scratch copy of a
//   RESHAPE (v1)   aliases its input
//   DEQUANTIZE     int8 constant -> float32, folded at prepare
//   PAD (v1)       copies input 0; input 1 must be absent (-1)
#pragma once

#include "kernel.hpp"
#include "strata/op_resolver.hpp"

namespace strata_test {

const strata::OpResolver& TestResolver();

// Calls made to the test kernels' invoke functions since the last reset.
int InvokeCount();
void ResetInvokeCount();

}  // namespace strata_test
