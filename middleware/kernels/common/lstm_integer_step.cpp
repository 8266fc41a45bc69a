#include "common/lstm_integer_step.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

// The sigmoid/tanh table reads gate pre-activations in Q3.12: lut_input_scale(12).
constexpr LutInputScale kGateLut = {3, 0};

inline int32_t sat16(int32_t v) { return clamp_i32(v, -32768, 32767); }

// TFLite's fully-connected requantization: 32-bit accumulators for 8-bit activations, 64-bit
// ones (with the 16-bit rounded multiplier) for 16-bit activations.
inline int32_t requantize(int32_t acc, const LstmRequant& q) {
  return multiply_by_quantized_multiplier(acc, q.multiplier, q.shift);
}
inline int32_t requantize(int64_t acc, const LstmRequant& q) {
  return multiply_by_quantized_multiplier_64(acc, q.multiplier, q.shift);
}

// Dot product of one weight row with a vector of activations minus their zero point.
template <typename Acc, typename Act>
Acc dot(const int8_t* weights, const Act* x, int32_t n, int32_t zero_point) {
  Acc acc = 0;
  for (int32_t k = 0; k < n; ++k) acc += weights[k] * (x[k] - zero_point);
  return acc;
}

// Gate g's pre-activation for every unit, in Q3.12, then its sigmoid or tanh in Q0.15. TFLM
// requantizes and saturates the input and the recurrent product separately before adding them.
template <typename Act, typename Acc, typename Bias>
void gate(const LstmOpData& d, const LstmWeights& w, const LstmRow<Act>& row, uint32_t g,
          int16_t* out) {
  const Bias* bias = static_cast<const Bias*>(w.bias[g]);
  for (int32_t u = 0; u < d.units; ++u) {
    Acc from_input =
        dot<Acc>(w.input[g] + u * d.input_size, row.input, d.input_size, d.input_zero_point);
    from_input += bias[u];
    const Acc from_hidden =
        dot<Acc>(w.recurrent[g] + u * d.units, row.hidden, d.units, d.hidden_zero_point);
    const int32_t sum = sat16(sat16(requantize(from_input, d.input_fc[g])) +
                              sat16(requantize(from_hidden, d.recurrent_fc[g])));
    const int32_t x = lut_scaled_input(sum, kGateLut);
    out[u] = g == kLstmCellGate ? tanh_int16_lut(x) : sigmoid_int16_lut(x);
  }
}

inline int32_t mul_requant(int32_t a, int32_t b, const LstmRequant& q) {
  return multiply_by_quantized_multiplier(a * b, q.multiplier, q.shift);
}

template <typename Act, typename Acc, typename Bias>
void step(const LstmOpData& d, const LstmWeights& w, const LstmRow<Act>& row, int16_t* scratch) {
  int16_t* forget = scratch;
  int16_t* input_gate = scratch + d.units;
  int16_t* cell_gate = scratch + 2 * d.units;
  gate<Act, Acc, Bias>(d, w, row, kLstmForgetGate, forget);
  gate<Act, Acc, Bias>(d, w, row, kLstmInputGate, input_gate);
  gate<Act, Acc, Bias>(d, w, row, kLstmCellGate, cell_gate);
  const int32_t clip = d.cell_clip_q;
  for (int32_t u = 0; u < d.units; ++u) {
    const int32_t kept = sat16(mul_requant(forget[u], row.cell[u], d.forget_times_cell));
    const int32_t added = sat16(mul_requant(input_gate[u], cell_gate[u], d.input_times_cell_gate));
    int32_t c = sat16(kept + added);
    if (d.cell_clip > 0.0f) c = clamp_i32(c, -clip, clip);
    row.cell[u] = static_cast<int16_t>(c);
  }
  // The output gate still reads the previous hidden state: the new one is written last.
  int16_t* output_gate = input_gate;
  gate<Act, Acc, Bias>(d, w, row, kLstmOutputGate, output_gate);
  for (int32_t u = 0; u < d.units; ++u) {
    const int32_t t = tanh_int16_lut(lut_scaled_input(row.cell[u], d.cell_tanh));
    const int32_t h =
        mul_requant(t, output_gate[u], d.output_times_tanh_cell) + d.hidden_zero_point;
    row.hidden[u] = static_cast<Act>(clamp_i32(h, d.hidden_min, d.hidden_max));
    row.output[u] = row.hidden[u];
  }
}

}  // namespace

void lstm_step_int8(const LstmOpData& d, const LstmWeights& w, const LstmRow<int8_t>& row,
                    int16_t* scratch) {
  step<int8_t, int32_t, int32_t>(d, w, row, scratch);
}

void lstm_step_int16(const LstmOpData& d, const LstmWeights& w, const LstmRow<int16_t>& row,
                     int16_t* scratch) {
  step<int16_t, int64_t, int64_t>(d, w, row, scratch);
}

}  // namespace kernels
}  // namespace strata
