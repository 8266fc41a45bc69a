// SVDF: float32, and int8 with an int16 state and int16 time weights (TensorFlow Lite Micro's
// integer SVDF, bit-exact). The formulas and the integer steps are in common/svdf_math.hpp. The
// state is the operator's variable input 4, written in place: it carries over to the next Invoke.
#include <cmath>

#include "common/activation.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "common/svdf_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace svdf {
namespace {

constexpr uint32_t kInput = 0;
constexpr uint32_t kWeightsFeature = 1;  // [filters, input]
constexpr uint32_t kWeightsTime = 2;     // [filters, memory]
constexpr uint32_t kBias = 3;            // [units], optional
constexpr uint32_t kState = 4;           // variable [batch, filters x memory]

Status check_shapes(const OpContext& ctx, int32_t rank, SvdfOpData* d) {
  const TensorView& in = ctx.input(kInput);
  const TensorView& wf = ctx.input(kWeightsFeature);
  const TensorView& wt = ctx.input(kWeightsTime);
  if (in.rank != 2 || in.dims[0] <= 0 || in.dims[1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "input '%s' must be a non-empty [batch, input]", in.name);
  }
  d->batches = in.dims[0];
  d->input_size = in.dims[1];
  if (wf.rank != 2 || wf.dims[0] <= 0 || wf.dims[0] % rank != 0) {
    return OpError(
        ctx, StatusCode::kMalformedModel,
        "weights_feature '%s' must be [filters, input] with filters a multiple of rank %d", wf.name,
        static_cast<int>(rank));
  }
  d->filters = wf.dims[0];
  d->units = d->filters / rank;
  d->rank = rank;
  STRATA_RETURN_IF_ERROR(check_matrix(ctx, wf, "weights_feature", d->filters, d->input_size));
  if (wt.rank != 2 || wt.dims[1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "weights_time '%s' must be [filters, memory]",
                   wt.name);
  }
  d->memory = wt.dims[1];
  STRATA_RETURN_IF_ERROR(check_matrix(ctx, wt, "weights_time", d->filters, d->memory));
  const TensorView& bias = ctx.input(kBias);
  if (bias.present() && static_cast<int32_t>(bias.elements) != d->units) {
    return OpError(ctx, StatusCode::kMalformedModel, "bias '%s' has %u values, expected %d",
                   bias.name, static_cast<unsigned>(bias.elements), static_cast<int>(d->units));
  }
  uint32_t state_width = 0;
  STRATA_RETURN_IF_ERROR(
      require_size(ctx, CheckedSize(d->filters) * d->memory, "state width", &state_width));
  STRATA_RETURN_IF_ERROR(
      check_matrix(ctx, ctx.input(kState), "state", d->batches, static_cast<int32_t>(state_width)));
  if (ctx.input(kState).is_constant) {
    return OpError(ctx, StatusCode::kMalformedModel, "state '%s' must be a variable tensor",
                   ctx.input(kState).name);
  }
  return check_matrix(ctx, ctx.output(0), "output", d->batches, d->units);
}

Status check_types(const OpContext& ctx, DataType act, DataType weights_time, DataType bias) {
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.output(0), "output", act));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kWeightsFeature), "weights_feature", act));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kWeightsTime), "weights_time", weights_time));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kState), "state", weights_time));
  if (ctx.input(kBias).present()) {
    STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(kBias), "bias", bias));
  }
  return Status::Ok();
}

Status check_weights(const OpContext& ctx, const TensorView& w, const char* role) {
  if (w.num_quant != 1 || !(w.scale > 0.0f) || w.zero_point != 0) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "%s '%s' must have one symmetric quantization scale (per-tensor)", role, w.name);
  }
  return Status::Ok();
}

Status prepare_int8(const OpContext& ctx, SvdfOpData* d) {
  STRATA_RETURN_IF_ERROR(check_types(ctx, DataType::kInt8, DataType::kInt16, DataType::kInt32));
  const TensorView& in = ctx.input(kInput);
  const TensorView& wf = ctx.input(kWeightsFeature);
  const TensorView& wt = ctx.input(kWeightsTime);
  const TensorView& state = ctx.input(kState);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, state, "state"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  STRATA_RETURN_IF_ERROR(check_weights(ctx, wf, "weights_feature"));
  STRATA_RETURN_IF_ERROR(check_weights(ctx, wt, "weights_time"));
  // TFLM computes both scale ratios in single precision.
  const float feature_scale = in.scale * wf.scale / state.scale;
  const float time_product = state.scale * wt.scale;
  const float time_scale = time_product / out.scale;
  const TensorView& bias = ctx.input(kBias);
  if (bias.present() &&
      !(std::fabs(static_cast<double>(bias.scale) - static_cast<double>(time_product)) < 1e-5)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "bias scale must equal state scale x weights_time scale (it is %.3f times that)",
                   static_cast<double>(bias.scale / time_product));
  }
  int shift = 0;
  quantize_multiplier(static_cast<double>(feature_scale), &d->feature_multiplier, &shift);
  d->feature_shift = shift;
  quantize_multiplier(static_cast<double>(time_scale), &d->time_multiplier, &shift);
  d->time_shift = shift;
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  return Status::Ok();
}

Status prepare_float32(const OpContext& ctx, FusedActivation act, SvdfOpData* d) {
  STRATA_RETURN_IF_ERROR(
      check_types(ctx, DataType::kFloat32, DataType::kFloat32, DataType::kFloat32));
  FloatRange range{};
  d->act_tanh = act == FusedActivation::kTanh ? 1 : 0;
  if (!d->act_tanh && !activation_range_float(act, &range)) {
    return OpError(ctx, StatusCode::kUnsupported, "fused activation %d is not supported",
                   static_cast<int>(act));
  }
  d->act_min = range.min;
  d->act_max = range.max;
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<SvdfOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 5, 5));
  req->input_slots = 5;
  for (uint32_t i : {kWeightsFeature, kWeightsTime, kState}) {
    if (!ctx.input(i).present()) {
      return OpError(ctx, StatusCode::kMalformedModel, "input %u is required",
                     static_cast<unsigned>(i));
    }
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SVDFOptions() : nullptr;
  const int32_t rank = o != nullptr ? o->rank() : 0;
  if (rank < 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "rank %d must be at least 1",
                   static_cast<int>(rank));
  }
  const FusedActivation act = o != nullptr
                                  ? static_cast<FusedActivation>(o->fused_activation_function())
                                  : FusedActivation::kNone;
  STRATA_RETURN_IF_ERROR(check_shapes(ctx, rank, d.get()));
  switch (ctx.input(kInput).type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return prepare_float32(ctx, act, d.get());
    case DataType::kInt8:
      // TFLM's integer SVDF applies no fused activation: the output's range does.
      req->variant = Variant::kInt8;
      return prepare_int8(ctx, d.get());
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(ctx.input(kInput).type));
  }
}

void invoke_float32(const OpCall& call) {
  const SvdfOpData& d = call.data<SvdfOpData>();
  const float* input = static_cast<const float*>(call.input(kInput));
  const float* weights_feature = static_cast<const float*>(call.input(kWeightsFeature));
  const float* weights_time = static_cast<const float*>(call.input(kWeightsTime));
  const float* bias = static_cast<const float*>(call.optional_input(kBias));
  float* state = static_cast<float*>(const_cast<void*>(call.input(kState)));
  float* output = static_cast<float*>(call.output(0));
  svdf_shift_state(d, state);
  for (int32_t b = 0; b < d.batches; ++b) {
    const float* x = input + b * d.input_size;
    float* s = state + b * d.filters * d.memory;
    for (int32_t f = 0; f < d.filters; ++f) {
      float acc = 0.0f;
      for (int32_t c = 0; c < d.input_size; ++c)
        acc += weights_feature[f * d.input_size + c] * x[c];
      s[f * d.memory + d.memory - 1] = acc;
    }
    for (int32_t u = 0; u < d.units; ++u) {
      float acc = bias != nullptr ? bias[u] : 0.0f;
      for (int32_t r = 0; r < d.rank; ++r) {
        const int32_t f = u * d.rank + r;
        float dot = 0.0f;
        for (int32_t m = 0; m < d.memory; ++m)
          dot += weights_time[f * d.memory + m] * s[f * d.memory + m];
        acc += dot;
      }
      output[b * d.units + u] =
          d.act_tanh ? std::tanh(acc)
                     : (acc < d.act_min ? d.act_min : (acc > d.act_max ? d.act_max : acc));
    }
  }
}

void invoke_int8(const OpCall& call) {
  const SvdfOpData& d = call.data<SvdfOpData>();
  int16_t* state = static_cast<int16_t*>(const_cast<void*>(call.input(kState)));
  svdf_shift_state(d, state);
  svdf_feature_int8(d, static_cast<const int8_t*>(call.input(kInput)),
                    static_cast<const int8_t*>(call.input(kWeightsFeature)), state);
  svdf_time_int8(d, state, static_cast<const int16_t*>(call.input(kWeightsTime)),
                 static_cast<const int32_t*>(call.optional_input(kBias)),
                 static_cast<int8_t*>(call.output(0)));
}

}  // namespace svdf
}  // namespace reference
}  // namespace kernels
}  // namespace strata
