// SVDF (singular value decomposition filter): a rank-r approximation of a fully-connected layer
// over the last `memory` time steps, as keyword spotters use it. Its state (a variable tensor
// [batch, filters x memory]) holds, per filter, the filter's activations of the last `memory`
// Invokes, oldest first. Each Invoke:
//   1. shifts every filter's memory one step to the past and appends
//      activation[f] = weights_feature[f] . input                      (the "feature" step)
//   2. output[u] = bias[u] + sum over the unit's `rank` filters f = u * rank + r of
//      weights_time[f] . state[f]                                      (the "time" step)
//   3. applies the fused activation.
// The integer kernel (int8 input and output, int16 state and time weights, int32 bias) follows
// TensorFlow Lite Micro's reference bit for bit: step 1 requantizes into the state's scale, step 2
// into the output's; the fused activation is left to the output's range, as in TFLM.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

struct SvdfOpData {
  int32_t batches;
  int32_t input_size;
  int32_t filters;  // units x rank
  int32_t units;
  int32_t rank;
  int32_t memory;
  // float32
  float act_min;
  float act_max;
  int32_t act_tanh;  // 1: tanh instead of the clamp
  // int8
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t feature_multiplier;  // input x weights_feature -> state
  int32_t feature_shift;
  int32_t time_multiplier;  // state x weights_time (+ bias) -> output
  int32_t time_shift;
};

// Moves every value of the state one slot towards its start: each filter's memory loses its
// oldest value and its newest slot is free for the feature step.
template <typename T>
void svdf_shift_state(const SvdfOpData& d, T* state) {
  const int32_t n = d.batches * d.filters * d.memory;
  for (int32_t i = 1; i < n; ++i) state[i - 1] = state[i];
}

// Step 1 for int8 input into the int16 state (after svdf_shift_state).
void svdf_feature_int8(const SvdfOpData& d, const int8_t* input, const int8_t* weights_feature,
                       int16_t* state);

// Steps 2 and 3 for the int16 state into int8 output; bias may be null.
void svdf_time_int8(const SvdfOpData& d, const int16_t* state, const int16_t* weights_time,
                    const int32_t* bias, int8_t* output);

}  // namespace kernels
}  // namespace strata
