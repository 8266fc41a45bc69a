#include "common/weighted_op.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace {

struct TypeCombo {
  DataType input;
  DataType weights;
  DataType output;
  Variant variant;
};

// The combinations TFLite Micro's reference kernels accept, plus the hybrid one and float16
// weights (a float16 model's constants, which the interpreter hands over instead of their
// DEQUANTIZE: see Storage::kHalfView).
constexpr TypeCombo kCombos[] = {
    {DataType::kFloat32, DataType::kFloat32, DataType::kFloat32, Variant::kFloat32},
    {DataType::kFloat32, DataType::kFloat16, DataType::kFloat32, Variant::kFloat16},
    {DataType::kInt8, DataType::kInt8, DataType::kInt8, Variant::kInt8},
    {DataType::kFloat32, DataType::kInt8, DataType::kFloat32, Variant::kHybrid},
    {DataType::kInt16, DataType::kInt8, DataType::kInt16, Variant::kInt16},
    {DataType::kInt8, DataType::kInt4, DataType::kInt8, Variant::kInt4},
};

// Float16 weights and biases are read where the model stores them, as 2-byte values.
Status check_half_constant(const OpContext& ctx, uint32_t input) {
  const TensorView& t = ctx.input(input);
  if (!t.is_constant || t.data == nullptr || (reinterpret_cast<uintptr_t>(t.data) & 1u) != 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "float16 input %u must be a 2-byte aligned model constant",
                   static_cast<unsigned>(input));
  }
  return Status::Ok();
}

}  // namespace

Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, Variant* v) {
  const DataType in = ctx.input(0).type;
  const DataType w = ctx.input(1).type;
  for (const TypeCombo& c : kCombos) {
    if (c.input == in && c.weights == w) {
      *v = c.variant;
      if (c.variant == Variant::kFloat16) STRATA_RETURN_IF_ERROR(check_half_constant(ctx, 1));
      return check_type(ctx, ctx.output(0), "output", c.output);
    }
  }
  return OpError(ctx, StatusCode::kUnsupported, "input %s with %s %s is not supported",
                 DataTypeName(in), weights_role, DataTypeName(w));
}

Status check_weighted_bias(const OpContext& ctx, const TensorView& bias, Variant v,
                           int32_t channels, bool int32_for_int16, bool wide_without_bias,
                           uint32_t* flags) {
  if (!bias.present()) {
    if (v == Variant::kInt16 && wide_without_bias) *flags |= kWideAccumulator;
    return Status::Ok();
  }
  DataType type = is_integer_variant(v) ? DataType::kInt32 : DataType::kFloat32;
  if (v == Variant::kFloat16 && bias.type == DataType::kFloat16) {
    type = DataType::kFloat16;  // a float16 bias read in place too
    *flags |= kHalfBias;
    STRATA_RETURN_IF_ERROR(check_half_constant(ctx, 2));
  }
  if (v == Variant::kInt16 && !(int32_for_int16 && bias.type == DataType::kInt32)) {
    type = DataType::kInt64;
    *flags |= kWideAccumulator;
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, bias, "bias", type));
  if (static_cast<int32_t>(bias.elements) != channels) {
    return OpError(ctx, StatusCode::kMalformedModel, "bias has %u elements, expected %d",
                   static_cast<unsigned>(bias.elements), static_cast<int>(channels));
  }
  return Status::Ok();
}

Status prepare_weighted_quantization(const OpContext& ctx, Variant v, const TensorView& input,
                                     const TensorView& weights, int32_t channels,
                                     FusedActivation act, ConvParams* p) {
  const TensorView& out = ctx.output(0);
  if (v != Variant::kFloat32 && v != Variant::kFloat16) {
    if (weights.num_quant != 1 && static_cast<int32_t>(weights.num_quant) != channels) {
      return OpError(ctx, StatusCode::kMalformedModel, "weights have %u scales for %d channels",
                     static_cast<unsigned>(weights.num_quant), static_cast<int>(channels));
    }
    for (uint32_t i = 0; i < weights.num_quant; ++i) {
      if (!(weights.scales[i] > 0.0f) || weights.zero_point_at(i) != 0) {
        return OpError(ctx, StatusCode::kUnsupported,
                       "weights channel %u is not symmetric with a positive scale",
                       static_cast<unsigned>(i));
      }
    }
  }
  bool ok;
  if (v == Variant::kInt16) {
    // TFLite's int16 activations are symmetric. Not check_quantized: it would bring its int8 and
    // uint8 rules into every int8 firmware, whose flash this function shares.
    const TensorView* const activations[2] = {&input, &out};
    for (const TensorView* t : activations) {
      if (t->num_quant == 0 || t->zero_point != 0) {
        return OpError(ctx, StatusCode::kMalformedModel,
                       "int16 tensor '%s' needs a quantization scale and zero point 0", t->name);
      }
    }
    ok = compute_conv_quant(act, 0, out.scale, 0, p, -32768, 32767);
  } else if (is_integer_variant(v)) {
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, input, "input"));
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
    ok = compute_conv_quant(act, input.zero_point, out.scale, out.zero_point, p);
  } else {
    ok = compute_conv_float(act, p);
  }
  if (!ok) return OpError(ctx, StatusCode::kUnsupported, "unsupported fused activation");
  return Status::Ok();
}

bool int8_accumulator_fits(const TensorView& weights, const TensorView& bias, uint32_t terms) {
  constexpr uint64_t kLimit = INT32_MAX;
  uint64_t max_bias = 0;
  if (bias.present()) {
    if (bias.data == nullptr) return false;  // a bias computed at run time: no bound
    const int32_t* b = static_cast<const int32_t*>(bias.data);
    for (uint32_t i = 0; i < bias.elements; ++i) {
      const int64_t v = b[i];
      const uint64_t magnitude = static_cast<uint64_t>(v < 0 ? -v : v);
      if (magnitude > max_bias) max_bias = magnitude;
    }
  }
  if (max_bias + uint64_t{255} * 128 * terms <= kLimit) return true;
  if (weights.data == nullptr || weights.type != DataType::kInt8) return false;
  const int8_t* w = static_cast<const int8_t*>(weights.data);
  uint64_t sum = 0;
  for (uint32_t i = 0; i < weights.elements; ++i)
    sum += static_cast<uint64_t>(w[i] < 0 ? -w[i] : w[i]);
  return max_bias + uint64_t{255} * sum <= kLimit;
}

}  // namespace kernels
}  // namespace strata
