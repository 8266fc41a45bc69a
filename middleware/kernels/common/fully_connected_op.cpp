#include "common/fully_connected_op.hpp"

#include "common/conv_op.hpp"
#include "common/op_checks.hpp"
#include "common/weighted_op.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

// A 16x8 layer without a bias accumulates in 32 bits: TFLite Micro picks the int32 kernel when
// the bias is int32 or absent.
constexpr bool kFcWideWithoutBias = false;

struct FcAnalysis {
  Variant variant;
  bool asymmetric;
  uint32_t flags;  // kWideAccumulator
  FullyConnectedParams params;
  int32_t channels;
};

Status check_shapes(const OpContext& ctx, FcAnalysis* a) {
  const TensorView& w = ctx.input(1);
  if (w.rank != 2 || w.dims[0] <= 0 || w.dims[1] <= 0) {
    return OpError(ctx, StatusCode::kUnsupported, "weights '%s' must be a 2-D matrix", w.name);
  }
  FullyConnectedParams& p = a->params;
  p.units = w.dims[0];
  p.accum_depth = w.dims[1];
  const uint32_t in_elems = ctx.input(0).elements;
  if (in_elems % static_cast<uint32_t>(p.accum_depth) != 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input has %u elements, not a multiple of %d",
                   static_cast<unsigned>(in_elems), static_cast<int>(p.accum_depth));
  }
  p.batches = static_cast<int32_t>(in_elems / static_cast<uint32_t>(p.accum_depth));
  const uint32_t out_elems = ctx.output(0).elements;
  const CheckedSize expected = CheckedSize(p.batches) * p.units;
  if (!expected.ok() || out_elems != expected.value()) {
    return OpError(ctx, StatusCode::kMalformedModel, "output has %u elements, expected %d x %d",
                   static_cast<unsigned>(out_elems), static_cast<int>(p.batches),
                   static_cast<int>(p.units));
  }
  // TFLite Micro's 16x8 FULLY_CONNECTED takes an int64 or an int32 bias (quantized_bias_type)
  // and accumulates in the bias's type.
  a->flags = 0;
  return check_weighted_bias(ctx, ctx.input(2), a->variant, p.units, true, kFcWideWithoutBias,
                             &a->flags);
}

Status analyze(const OpContext& ctx, FcAnalysis* a) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 3));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_FullyConnectedOptions() : nullptr;
  const FusedActivation act = o != nullptr
                                  ? static_cast<FusedActivation>(o->fused_activation_function())
                                  : FusedActivation::kNone;
  if (o != nullptr && o->weights_format() != tflite::FullyConnectedOptionsWeightsFormat_DEFAULT) {
    return OpError(ctx, StatusCode::kUnsupported, "shuffled weights format is not supported");
  }
  a->asymmetric = o != nullptr && o->asymmetric_quantize_inputs();
  STRATA_RETURN_IF_ERROR(pick_weighted_variant(ctx, "weights", &a->variant));
  a->params = FullyConnectedParams{};
  STRATA_RETURN_IF_ERROR(check_shapes(ctx, a));
  ConvParams cp{};
  STRATA_RETURN_IF_ERROR(prepare_weighted_quantization(ctx, a->variant, ctx.input(0), ctx.input(1),
                                                       a->params.units, act, &cp));
  a->channels = a->variant == Variant::kFloat32 || a->variant == Variant::kFloat16
                    ? 0
                    : static_cast<int32_t>(ctx.input(1).num_quant);
  FullyConnectedParams& p = a->params;
  p.input_offset = cp.input_offset;
  p.output_offset = cp.output_offset;
  p.act_min = cp.act_min;
  p.act_max = cp.act_max;
  p.act_min_f = cp.act_min_f;
  p.act_max_f = cp.act_max_f;
  return Status::Ok();
}

}  // namespace

Status fully_connected_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                               FullyConnectedScratchFn scratch) {
  FcAnalysis a;
  STRATA_RETURN_IF_ERROR(analyze(ctx, &a));
  req->variant = a.variant;
  req->input_slots = 3;  // the bias (input 2) is optional
  // Per-channel arrays after the record: int32 multiplier + int8 shift, or a float scale.
  const uint32_t per_channel = is_integer_variant(a.variant)   ? 5u
                               : a.variant == Variant::kHybrid ? 4u
                                                               : 0u;
  STRATA_RETURN_IF_ERROR(
      require_size(ctx, CheckedSize(a.channels) * per_channel, "op data", &req->op_data_bytes));
  req->op_data_bytes = sizeof(FullyConnectedOpData) + align8(req->op_data_bytes);
  if (scratch != nullptr) {
    req->scratch_bytes = scratch(a.variant, a.params, a.channels > 1);
  } else if (a.variant == Variant::kHybrid) {
    req->scratch_bytes = static_cast<uint32_t>(a.params.accum_depth);
  } else if (a.variant == Variant::kInt4) {
    req->scratch_bytes = ctx.input(1).elements;  // the weights unpacked to int8
  }
  if (op_data == nullptr) return Status::Ok();
  FullyConnectedOpData* d = static_cast<FullyConnectedOpData*>(op_data);
  d->params = a.params;
  d->channels = a.channels;
  d->flags =
      (a.channels > 1 ? kConvPerChannel : 0u) | (a.asymmetric ? kConvAsymmetric : 0u) | a.flags;
  const TensorView& w = ctx.input(1);
  if (is_integer_variant(a.variant)) {
    int32_t* mult = reinterpret_cast<int32_t*>(d + 1);
    int8_t* shift = reinterpret_cast<int8_t*>(mult + d->channels);
    compute_channel_multipliers(ctx.input(0).scale, w.scales, a.channels, ctx.output(0).scale,
                                a.channels, mult, shift);
  } else if (a.variant == Variant::kHybrid) {
    float* scales = reinterpret_cast<float*>(d + 1);
    for (int32_t c = 0; c < a.channels; ++c) scales[c] = w.scales[c];
  }
  return Status::Ok();
}

ChannelQuant fully_connected_channel_quant(const FullyConnectedOpData& d) {
  const int32_t* mult = reinterpret_cast<const int32_t*>(&d + 1);
  return {mult, reinterpret_cast<const int8_t*>(mult + d.channels), d.channels > 1};
}

HybridWeights fully_connected_hybrid_weights(const FullyConnectedOpData& d) {
  return {reinterpret_cast<const float*>(&d + 1), d.channels > 1, (d.flags & kConvAsymmetric) != 0};
}

}  // namespace kernels
}  // namespace strata
