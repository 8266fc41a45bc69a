// One step of TensorFlow Lite Micro's integer LSTM (see common/lstm_params.hpp for the formulas):
// one batch row at one time step, bit-exact with TFLM's reference kernel.
#pragma once

#include <cstdint>

#include "common/lstm_params.hpp"

namespace strata {
namespace kernels {

// The gate weights and biases, indexed by LstmGate (the operator's constant inputs).
struct LstmWeights {
  const int8_t* input[kLstmGates];      // [units, input]
  const int8_t* recurrent[kLstmGates];  // [units, units]
  const void* bias[kLstmGates];         // [units]: int32 (8-bit activations) or int64 (16-bit)
};

// One batch row at one time step. `hidden` and `cell` hold the previous states on entry and the
// new ones on return; `output` receives the new hidden state. `scratch` holds 3 x units values.
template <typename Act>
struct LstmRow {
  const Act* input;
  Act* hidden;
  int16_t* cell;
  Act* output;
};

// 8-bit activations, int32 bias.
void lstm_step_int8(const LstmOpData& d, const LstmWeights& w, const LstmRow<int8_t>& row,
                    int16_t* scratch);
// 16-bit activations, int64 bias ("16x8").
void lstm_step_int16(const LstmOpData& d, const LstmWeights& w, const LstmRow<int16_t>& row,
                     int16_t* scratch);

}  // namespace kernels
}  // namespace strata
