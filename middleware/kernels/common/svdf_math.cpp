#include "common/svdf_math.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {

void svdf_feature_int8(const SvdfOpData& d, const int8_t* input, const int8_t* weights_feature,
                       int16_t* state) {
  for (int32_t b = 0; b < d.batches; ++b) {
    const int8_t* x = input + b * d.input_size;
    int16_t* newest = state + b * d.filters * d.memory + (d.memory - 1);
    for (int32_t f = 0; f < d.filters; ++f) {
      const int8_t* w = weights_feature + f * d.input_size;
      int32_t acc = 0;
      for (int32_t c = 0; c < d.input_size; ++c) acc += w[c] * (x[c] - d.input_zero_point);
      const int32_t v =
          multiply_by_quantized_multiplier(acc, d.feature_multiplier, d.feature_shift);
      newest[f * d.memory] = static_cast<int16_t>(clamp_i32(v, -32768, 32767));
    }
  }
}

void svdf_time_int8(const SvdfOpData& d, const int16_t* state, const int16_t* weights_time,
                    const int32_t* bias, int8_t* output) {
  for (int32_t b = 0; b < d.batches; ++b) {
    const int16_t* s = state + b * d.filters * d.memory;
    for (int32_t u = 0; u < d.units; ++u) {
      int32_t acc = bias != nullptr ? bias[u] : 0;
      for (int32_t r = 0; r < d.rank; ++r) {
        const int32_t f = u * d.rank + r;
        for (int32_t m = 0; m < d.memory; ++m) {
          acc += weights_time[f * d.memory + m] * s[f * d.memory + m];
        }
      }
      const int32_t v = multiply_by_quantized_multiplier(acc, d.time_multiplier, d.time_shift);
      output[b * d.units + u] = static_cast<int8_t>(clamp_i32(v + d.output_zero_point, -128, 127));
    }
  }
}

}  // namespace kernels
}  // namespace strata
