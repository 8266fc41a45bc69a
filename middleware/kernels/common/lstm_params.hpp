// UNIDIRECTIONAL_SEQUENCE_LSTM: the operator's inputs, shape and quantization, as TensorFlow Lite
// Micro's kernel defines them (the standard LSTM of Keras: four gates, no CIFG, peephole,
// projection or layer normalization; the converter writes these).
//
// Per time step and batch row, with x the input, h the hidden state and c the cell state:
//   gate_g = act_g(W_g x + b_g + R_g h)     act = sigmoid for the input, forget and output gates,
//                                            tanh (the fused activation) for the cell gate
//   c = forget * c + input * cell_gate       (then clipped to +-cell_clip when cell_clip > 0)
//   h = output * tanh(c);  output[t] = h
// Integer kernels (8-bit activations with int32 bias, or 16-bit with int64 bias) compute each
// gate's two products into int16 with scale 2^-12 (Q3.12), saturate their sum, take sigmoid/tanh
// by table into Q0.15 (common/int16_lut_activation.hpp), keep the cell state in int16 with a
// power-of-two scale and requantize every product with TFLite's multipliers.
#pragma once

#include <cstdint>

#include "common/int16_lut_activation.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

// Input slots, in the schema's order (24 inputs; the variants' inputs are absent, index -1).
constexpr uint32_t kLstmInputs = 24;
constexpr uint32_t kLstmInput = 0;             // [batch, time, input] or [time, batch, input]
constexpr uint32_t kLstmInputWeights = 1;      // + gate: [units, input]
constexpr uint32_t kLstmRecurrentWeights = 5;  // + gate: [units, units]
constexpr uint32_t kLstmBias = 12;             // + gate: [units]
constexpr uint32_t kLstmHiddenState = 18;      // variable [batch, units]
constexpr uint32_t kLstmCellState = 19;        // variable, batch x units values

// The gates, in the order of their weight and bias inputs.
enum LstmGate : uint32_t { kLstmInputGate = 0, kLstmForgetGate, kLstmCellGate, kLstmOutputGate };
constexpr uint32_t kLstmGates = 4;

// A requantization step: multiplier (Q0.31) and power-of-two shift.
struct LstmRequant {
  int32_t multiplier;
  int32_t shift;
};

struct LstmOpData {
  int32_t batches;
  int32_t time_steps;
  int32_t input_size;
  int32_t units;
  int32_t time_major;  // 1: input and output are [time, batch, ...]
  float cell_clip;     // > 0: clip the cell state to +-cell_clip (float) / cell_clip_q (integer)
  // Integer kernels only.
  int32_t cell_clip_q;
  int32_t input_zero_point;
  int32_t hidden_zero_point;
  int32_t hidden_min;  // range of the hidden state's type
  int32_t hidden_max;
  LutInputScale cell_tanh;               // tanh(cell state): the cell's power-of-two scale
  LstmRequant input_fc[kLstmGates];      // W_g x + b_g -> Q3.12
  LstmRequant recurrent_fc[kLstmGates];  // R_g h -> Q3.12
  LstmRequant forget_times_cell;         // Q0.15 x cell -> cell
  LstmRequant input_times_cell_gate;     // Q0.15 x Q0.15 -> cell
  LstmRequant output_times_tanh_cell;    // Q0.15 x Q0.15 -> hidden state
};

// The whole analysis of the operator: validates it and fills `d`, req->variant (float32, int8 or
// int16 by the input's type), req->scratch_bytes (three gate buffers of `units` values) and
// req->input_slots.
Status lstm_prepare(const OpContext& ctx, OpRequirements* req, LstmOpData* d);

}  // namespace kernels
}  // namespace strata
