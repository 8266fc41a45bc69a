// UNIDIRECTIONAL_SEQUENCE_LSTM: an LSTM layer run over a whole sequence in one operator, with its
// hidden and cell state in variable tensors that carry over to the next Invoke. float32, and
// TensorFlow Lite Micro's integer LSTM with 8-bit (int32 bias) or 16-bit (int64 bias)
// activations and a 16-bit cell state. The analysis and the integer step are in common/
// (lstm_params, lstm_integer_step); this file runs the sequence and the float step.
#include "common/lstm_integer_step.hpp"
#include "common/lstm_params.hpp"
#include "common/float_sigmoid.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace unidirectional_sequence_lstm {
namespace {

// Where one batch row at one time step reads its input and writes its output.
int32_t sequence_offset(const LstmOpData& d, int32_t b, int32_t t, int32_t width) {
  return (d.time_major ? t * d.batches + b : b * d.time_steps + t) * width;
}

// Calls step(row) for every batch row and time step, in TFLM's order. The states are the
// operator's variable inputs, written in place.
template <typename Act, typename Cell, typename Step>
void run_sequence(const OpCall& call, const LstmOpData& d, Step step) {
  const Act* input = static_cast<const Act*>(call.input(kLstmInput));
  Act* hidden = static_cast<Act*>(const_cast<void*>(call.input(kLstmHiddenState)));
  Cell* cell = static_cast<Cell*>(const_cast<void*>(call.input(kLstmCellState)));
  Act* output = static_cast<Act*>(call.output(0));
  for (int32_t b = 0; b < d.batches; ++b) {
    for (int32_t t = 0; t < d.time_steps; ++t) {
      step(input + sequence_offset(d, b, t, d.input_size), hidden + b * d.units, cell + b * d.units,
           output + sequence_offset(d, b, t, d.units));
    }
  }
}

// One float gate: W x + b + R h, then sigmoid (or tanh for the cell gate).
void float_gate(const LstmOpData& d, const OpCall& call, uint32_t g, const float* x, const float* h,
                float* out) {
  const float* wx = static_cast<const float*>(call.input(kLstmInputWeights + g));
  const float* wh = static_cast<const float*>(call.input(kLstmRecurrentWeights + g));
  const float* bias = static_cast<const float*>(call.input(kLstmBias + g));
  for (int32_t u = 0; u < d.units; ++u) {
    float from_input = 0.0f;
    for (int32_t k = 0; k < d.input_size; ++k) from_input += x[k] * wx[u * d.input_size + k];
    float from_hidden = 0.0f;
    for (int32_t k = 0; k < d.units; ++k) from_hidden += h[k] * wh[u * d.units + k];
    out[u] = (from_input + bias[u]) + from_hidden;
  }
  if (g == kLstmCellGate) {
    tanh_float32(d.units, out, out);
  } else {
    logistic_float32(d.units, out, out);
  }
}

void float_step(const LstmOpData& d, const OpCall& call, const float* x, float* h, float* c,
                float* out) {
  float* forget = static_cast<float*>(call.scratch());
  float* input_gate = forget + d.units;
  float* cell_gate = input_gate + d.units;
  float_gate(d, call, kLstmForgetGate, x, h, forget);
  float_gate(d, call, kLstmInputGate, x, h, input_gate);
  float_gate(d, call, kLstmCellGate, x, h, cell_gate);
  for (int32_t u = 0; u < d.units; ++u) {
    float v = forget[u] * c[u] + input_gate[u] * cell_gate[u];
    if (d.cell_clip > 0.0f)
      v = v < -d.cell_clip ? -d.cell_clip : (v > d.cell_clip ? d.cell_clip : v);
    c[u] = v;
  }
  // The output gate still reads the previous hidden state: the new one is written last.
  float* output_gate = input_gate;
  float* tanh_cell = forget;
  float_gate(d, call, kLstmOutputGate, x, h, output_gate);
  tanh_float32(d.units, c, tanh_cell);
  for (int32_t u = 0; u < d.units; ++u) {
    h[u] = tanh_cell[u] * output_gate[u];
    out[u] = h[u];
  }
}

LstmWeights integer_weights(const OpCall& call) {
  LstmWeights w{};
  for (uint32_t g = 0; g < kLstmGates; ++g) {
    w.input[g] = static_cast<const int8_t*>(call.input(kLstmInputWeights + g));
    w.recurrent[g] = static_cast<const int8_t*>(call.input(kLstmRecurrentWeights + g));
    w.bias[g] = call.input(kLstmBias + g);
  }
  return w;
}

template <typename Act,
          void (*Step)(const LstmOpData&, const LstmWeights&, const LstmRow<Act>&, int16_t*)>
void invoke_integer(const OpCall& call) {
  const LstmOpData& d = call.data<LstmOpData>();
  const LstmWeights w = integer_weights(call);
  int16_t* scratch = static_cast<int16_t*>(call.scratch());
  run_sequence<Act, int16_t>(call, d, [&](const Act* x, Act* h, int16_t* c, Act* out) {
    Step(d, w, LstmRow<Act>{x, h, c, out}, scratch);
  });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<LstmOpData> d(req, op_data);
  return lstm_prepare(ctx, req, d.get());
}

void invoke_float32(const OpCall& call) {
  const LstmOpData& d = call.data<LstmOpData>();
  run_sequence<float, float>(call, d, [&](const float* x, float* h, float* c, float* out) {
    float_step(d, call, x, h, c, out);
  });
}

void invoke_int8(const OpCall& call) { invoke_integer<int8_t, lstm_step_int8>(call); }

void invoke_int16(const OpCall& call) { invoke_integer<int16_t, lstm_step_int16>(call); }

}  // namespace unidirectional_sequence_lstm
}  // namespace reference
}  // namespace kernels
}  // namespace strata
