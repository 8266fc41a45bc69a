#include "common/lstm_params.hpp"

#include <cstring>

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

// Scales of TFLite Micro's integer LSTM: gate pre-activations in Q3.12, gate outputs in Q0.15.
constexpr float kGateInputScale = 1.0f / 4096.0f;
constexpr float kGateOutputScale = 1.0f / 32768.0f;

// The inputs of the LSTM variants TFLite Micro does not run: peephole (9-11), projection (16-17),
// layer normalization (20-23).
constexpr uint32_t kUnsupportedInputs[] = {9, 10, 11, 16, 17, 20, 21, 22, 23};

// The types of one flavour of the operator.
struct LstmTypes {
  Variant variant;
  DataType activation;  // input, hidden state, output
  DataType weights;
  DataType bias;
  DataType cell;
};

constexpr LstmTypes kFlavours[] = {
    {Variant::kFloat32, DataType::kFloat32, DataType::kFloat32, DataType::kFloat32,
     DataType::kFloat32},
    {Variant::kInt8, DataType::kInt8, DataType::kInt8, DataType::kInt32, DataType::kInt16},
    {Variant::kInt16, DataType::kInt16, DataType::kInt8, DataType::kInt64, DataType::kInt16},
};

Status check_operands(const OpContext& ctx) {
  if (ctx.num_inputs != kLstmInputs || ctx.num_outputs != 1) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "expects 24 inputs and 1 output, has %u and %u",
                   static_cast<unsigned>(ctx.num_inputs), static_cast<unsigned>(ctx.num_outputs));
  }
  for (uint32_t i = 0; i < kLstmInputs; ++i) {
    bool unsupported = false;
    for (uint32_t u : kUnsupportedInputs) unsupported = unsupported || u == i;
    if (unsupported && ctx.input(i).present()) {
      return OpError(ctx, StatusCode::kUnsupported,
                     "input %u is present: peephole, projection and layer-normalized LSTMs are "
                     "not supported",
                     static_cast<unsigned>(i));
    }
    if (!unsupported && !ctx.input(i).present()) {
      return OpError(ctx, StatusCode::kUnsupported,
                     "input %u is absent: the LSTM needs every gate's weights and bias (CIFG is "
                     "not supported) and both states",
                     static_cast<unsigned>(i));
    }
  }
  if (!ctx.output(0).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "output 0 is required");
  }
  return Status::Ok();
}

Status read_options(const OpContext& ctx, LstmOpData* d) {
  const auto* o =
      ctx.op != nullptr ? ctx.op->builtin_options_as_UnidirectionalSequenceLSTMOptions() : nullptr;
  const int act = o != nullptr ? o->fused_activation_function() : 0;
  if (act != tflite::ActivationFunctionType_TANH) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "cell gate activation %d is not supported (TANH expected)", act);
  }
  if (o->diagonal_recurrent_tensors()) {
    return OpError(ctx, StatusCode::kUnsupported, "diagonal recurrent weights are not supported");
  }
  d->cell_clip = o->cell_clip();
  if (!(d->cell_clip >= 0.0f && d->cell_clip < 3.4e38f)) {
    return OpError(ctx, StatusCode::kMalformedModel, "cell_clip %.3f must be finite and >= 0",
                   static_cast<double>(d->cell_clip));
  }
  d->time_major = o->time_major() ? 1 : 0;
  return Status::Ok();
}

Status check_shapes(const OpContext& ctx, LstmOpData* d) {
  const TensorView& in = ctx.input(kLstmInput);
  if (in.rank != 3 || in.dims[0] <= 0 || in.dims[1] <= 0 || in.dims[2] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input '%s' must be a non-empty 3-D tensor",
                   in.name);
  }
  d->time_steps = d->time_major ? in.dims[0] : in.dims[1];
  d->batches = d->time_major ? in.dims[1] : in.dims[0];
  d->input_size = in.dims[2];
  const TensorView& hidden = ctx.input(kLstmHiddenState);
  if (hidden.rank != 2 || hidden.dims[1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "hidden state '%s' must be [batch, units]",
                   hidden.name);
  }
  d->units = hidden.dims[1];
  STRATA_RETURN_IF_ERROR(check_matrix(ctx, hidden, "hidden state", d->batches, d->units));
  const CheckedSize state_values = CheckedSize(d->batches) * d->units;
  const TensorView& cell = ctx.input(kLstmCellState);
  if (!state_values.ok() || cell.elements != state_values.value()) {
    return OpError(ctx, StatusCode::kMalformedModel, "cell state '%s' must hold %d x %d values",
                   cell.name, static_cast<int>(d->batches), static_cast<int>(d->units));
  }
  for (uint32_t g = 0; g < kLstmGates; ++g) {
    STRATA_RETURN_IF_ERROR(check_matrix(ctx, ctx.input(kLstmInputWeights + g), "input weights",
                                        d->units, d->input_size));
    STRATA_RETURN_IF_ERROR(check_matrix(ctx, ctx.input(kLstmRecurrentWeights + g),
                                        "recurrent weights", d->units, d->units));
    const TensorView& bias = ctx.input(kLstmBias + g);
    if (bias.rank != 1 || bias.dims[0] != d->units) {
      return OpError(ctx, StatusCode::kMalformedModel, "bias '%s' must have shape [%d]", bias.name,
                     static_cast<int>(d->units));
    }
  }
  const TensorView& out = ctx.output(0);
  if (out.rank != 3 || out.dims[0] != in.dims[0] || out.dims[1] != in.dims[1] ||
      out.dims[2] != d->units) {
    return OpError(ctx, StatusCode::kMalformedModel, "output '%s' must have shape [%d,%d,%d]",
                   out.name, static_cast<int>(in.dims[0]), static_cast<int>(in.dims[1]),
                   static_cast<int>(d->units));
  }
  return Status::Ok();
}

Status check_types(const OpContext& ctx, const LstmTypes** flavour) {
  const DataType in_type = ctx.input(kLstmInput).type;
  *flavour = nullptr;
  for (const LstmTypes& f : kFlavours) {
    if (f.activation == in_type) *flavour = &f;
  }
  if (*flavour == nullptr) {
    return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                   DataTypeName(in_type));
  }
  const LstmTypes& f = **flavour;
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.output(0), "output", f.activation));
  STRATA_RETURN_IF_ERROR(
      check_type(ctx, ctx.input(kLstmHiddenState), "hidden state", f.activation));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kLstmCellState), "cell state", f.cell));
  for (uint32_t g = 0; g < kLstmGates; ++g) {
    STRATA_RETURN_IF_ERROR(
        check_type(ctx, ctx.input(kLstmInputWeights + g), "input weights", f.weights));
    STRATA_RETURN_IF_ERROR(
        check_type(ctx, ctx.input(kLstmRecurrentWeights + g), "recurrent weights", f.weights));
    STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kLstmBias + g), "bias", f.bias));
  }
  // The kernel writes the states between steps and Invokes: they must be variables (never model
  // constants, which may live in flash).
  for (uint32_t i : {kLstmHiddenState, kLstmCellState}) {
    if (ctx.input(i).is_constant) {
      return OpError(ctx, StatusCode::kMalformedModel, "state '%s' must be a variable tensor",
                     ctx.input(i).name);
    }
  }
  return Status::Ok();
}

// The nearest integer to log2(x) for a positive normal float (TFLite rounds the cell state's
// scale to a power of two this way).
int32_t nearest_log2(float x) {
  uint32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  const int32_t exponent = static_cast<int32_t>((bits >> 23) & 0xFF) - 127;
  const uint32_t mantissa = bits & 0x7FFFFF;        // x = 1.mantissa * 2^exponent
  return exponent + (mantissa > 0x3504F3 ? 1 : 0);  // 1.mantissa > sqrt(2): rounds up
}

LstmRequant requant(double real) {
  LstmRequant r{0, 0};
  int shift = 0;
  quantize_multiplier(real, &r.multiplier, &shift);
  r.shift = shift;
  return r;
}

// TFLite's fully-connected multiplier: float product of the scales, then a double division.
LstmRequant fc_requant(float input_scale, float weight_scale) {
  const float product = input_scale * weight_scale;
  return requant(static_cast<double>(product) / static_cast<double>(kGateInputScale));
}

// TFLite's element-wise MUL multiplier: double product, double division.
LstmRequant mul_requant(float a_scale, float b_scale, float out_scale) {
  return requant(static_cast<double>(a_scale) * static_cast<double>(b_scale) /
                 static_cast<double>(out_scale));
}

Status check_weights(const OpContext& ctx, const TensorView& w) {
  if (w.num_quant != 1 || !(w.scale > 0.0f) || w.zero_point != 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "weights '%s' must have one symmetric quantization scale (per-tensor)", w.name);
  }
  return Status::Ok();
}

Status prepare_integer(const OpContext& ctx, Variant variant, LstmOpData* d) {
  const TensorView& in = ctx.input(kLstmInput);
  const TensorView& hidden = ctx.input(kLstmHiddenState);
  const TensorView& cell = ctx.input(kLstmCellState);
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, hidden, "hidden state"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, cell, "cell state"));
  d->input_zero_point = in.zero_point;
  d->hidden_zero_point = hidden.zero_point;
  d->hidden_min = variant == Variant::kInt8 ? -128 : -32768;
  d->hidden_max = variant == Variant::kInt8 ? 127 : 32767;
  for (uint32_t g = 0; g < kLstmGates; ++g) {
    const TensorView& wx = ctx.input(kLstmInputWeights + g);
    const TensorView& wh = ctx.input(kLstmRecurrentWeights + g);
    STRATA_RETURN_IF_ERROR(check_weights(ctx, wx));
    STRATA_RETURN_IF_ERROR(check_weights(ctx, wh));
    d->input_fc[g] = fc_requant(in.scale, wx.scale);
    d->recurrent_fc[g] = fc_requant(hidden.scale, wh.scale);
    // The 64-bit requantization of 16-bit activations takes shifts up to 7 (a gain below 128).
    if (variant == Variant::kInt16 && (d->input_fc[g].shift > 7 || d->recurrent_fc[g].shift > 7)) {
      return OpError(ctx, StatusCode::kUnsupported,
                     "gate %u: activation scale x weight scale must be below 128 x 2^-12",
                     static_cast<unsigned>(g));
    }
  }
  // tanh(cell) reads the cell state as a power-of-two fixed-point value.
  const int32_t cell_log2 = nearest_log2(cell.scale);
  if (cell_log2 < -43 || cell_log2 > 2) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "cell state scale 2^%d is out of range (2^-43 to 2^2)",
                   static_cast<int>(cell_log2));
  }
  d->cell_tanh = lut_input_scale(-cell_log2);
  if (d->cell_clip > 0.0f) {
    double q = static_cast<double>(d->cell_clip) / static_cast<double>(cell.scale);
    q = q < -32768.0 ? -32768.0 : (q > 32767.0 ? 32767.0 : q);
    d->cell_clip_q = static_cast<int32_t>(q);  // truncated, as TFLite does
  }
  d->forget_times_cell = mul_requant(kGateOutputScale, cell.scale, cell.scale);
  d->input_times_cell_gate = mul_requant(kGateOutputScale, kGateOutputScale, cell.scale);
  d->output_times_tanh_cell = mul_requant(kGateOutputScale, kGateOutputScale, hidden.scale);
  return Status::Ok();
}

}  // namespace

Status lstm_prepare(const OpContext& ctx, OpRequirements* req, LstmOpData* d) {
  STRATA_RETURN_IF_ERROR(check_operands(ctx));
  STRATA_RETURN_IF_ERROR(read_options(ctx, d));
  STRATA_RETURN_IF_ERROR(check_shapes(ctx, d));
  const LstmTypes* flavour = nullptr;
  STRATA_RETURN_IF_ERROR(check_types(ctx, &flavour));
  req->variant = flavour->variant;
  req->input_slots = kLstmInputs;
  uint32_t scratch = 0;
  STRATA_RETURN_IF_ERROR(require_size(ctx, CheckedSize(3) * d->units * DataTypeSize(flavour->cell),
                                      "gate buffers", &scratch));
  req->scratch_bytes = scratch;
  if (flavour->variant == Variant::kFloat32) return Status::Ok();
  return prepare_integer(ctx, flavour->variant, d);
}

}  // namespace kernels
}  // namespace strata
