// DEPTHWISE_CONV_2D with float16 weights (a float16 model's constants, read in place): the loops
// of depthwise_float_loops.hpp, each weight widened as it is loaded.
#include "optimized/depthwise_conv_2d.hpp"
#include "optimized/depthwise_float_loops.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void depthwise_conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input,
                               const Dims4& filter, const Half* weights, const void* bias,
                               bool half_bias, const Dims4& out, float* output) {
  if (half_bias) {
    depthwise_float(p, in, input, filter, weights, static_cast<const Half*>(bias), out, output);
  } else {
    depthwise_float(p, in, input, filter, weights, static_cast<const float*>(bias), out, output);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
