// CONV_2D with float16 weights (a float16 model's constants, read in place): the loops of
// conv_float_loops.hpp, each weight widened as it is loaded (two per load where rows allow).
#include "optimized/conv_2d.hpp"
#include "optimized/conv_float_loops.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void conv_2d_float16(const ConvParams& p, const Dims4& in, const float* input, const Dims4& filter,
                     const Half* weights, const void* bias, bool half_bias, const Dims4& out,
                     float* output, void* scratch) {
  if (half_bias) {
    conv_float(p, in, input, filter, weights, static_cast<const Half*>(bias), out, output, scratch);
  } else {
    conv_float(p, in, input, filter, weights, static_cast<const float*>(bias), out, output,
               scratch);
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
