#include "reference/softmax.hpp"

#include <cfloat>
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {

void softmax_float32(float beta, int32_t rows, int32_t depth, const float* input, float* output) {
  for (int32_t r = 0; r < rows; ++r) {
    const float* x = input + r * depth;
    float* y = output + r * depth;
    float max = -FLT_MAX;
    for (int32_t c = 0; c < depth; ++c) max = x[c] > max ? x[c] : max;
    float sum = 0.0f;
    for (int32_t c = 0; c < depth; ++c) {
      y[c] = std::exp((x[c] - max) * beta);
      sum += y[c];
    }
    for (int32_t c = 0; c < depth; ++c) y[c] = y[c] / sum;
  }
}

void softmax_int8(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                  int8_t* output) {
  const int kScaledDiffBits = 5;     // exp input in Q5.26
  const int kAccumulationBits = 12;  // sum of exps in Q12.19
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* x = input + r * depth;
    int8_t* y = output + r * depth;
    int32_t max = -128;
    for (int32_t c = 0; c < depth; ++c) max = x[c] > max ? x[c] : max;
    int32_t sum = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < p.diff_min) continue;
      const int32_t scaled = saturating_rounding_doubling_high_mul(
          static_cast<int32_t>(static_cast<uint32_t>(diff) << p.input_left_shift),
          p.input_multiplier);
      sum += rounding_divide_by_pot(exp_on_negative_values(scaled, kScaledDiffBits),
                                    kAccumulationBits);
    }
    int num_bits_over_unit = 0;
    const int32_t reciprocal = reciprocal_fixed(sum, kAccumulationBits, &num_bits_over_unit);
    const int exponent = num_bits_over_unit + 31 - 8;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < p.diff_min) {
        y[c] = -128;
        continue;
      }
      const int32_t scaled = saturating_rounding_doubling_high_mul(
          static_cast<int32_t>(static_cast<uint32_t>(diff) << p.input_left_shift),
          p.input_multiplier);
      const int32_t e = exp_on_negative_values(scaled, kScaledDiffBits);
      const int32_t unsat =
          rounding_divide_by_pot(saturating_rounding_doubling_high_mul(reciprocal, e), exponent);
      y[c] = static_cast<int8_t>(clamp_i32(unsat - 128, -128, 127));
    }
  }
}

namespace softmax {
namespace {

struct SoftmaxOpData {
  SoftmaxParams params;
  int32_t rows;
  int32_t depth;
};
static_assert(sizeof(SoftmaxOpData) == 24, "arena-resident layout");

Status analyze(const OpContext& ctx, SoftmaxOpData* d, bool* is_int8) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SoftmaxOptions() : nullptr;
  const float beta = o != nullptr ? o->beta() : 1.0f;
  *is_int8 = in.type == DataType::kInt8;
  if (!*is_int8) STRATA_RETURN_IF_ERROR(check_type(ctx, in, "input", DataType::kFloat32));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  if (in.rank < 1 || in.dims[in.rank - 1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input needs a non-empty last dimension");
  }
  d->depth = in.dims[in.rank - 1];
  d->rows = static_cast<int32_t>(in.elements) / d->depth;
  d->params = SoftmaxParams{};
  d->params.beta = beta;
  if (*is_int8) {
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, in, "input"));
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
    if (out.zero_point != -128 || out.scale != 1.0f / 256) {
      return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/256, zp -128");
    }
    compute_softmax_params_int8(beta, in.scale, &d->params);
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<SoftmaxOpData> d(req, op_data);
  bool is_int8 = false;
  STRATA_RETURN_IF_ERROR(analyze(ctx, d.get(), &is_int8));
  req->variant = is_int8 ? Variant::kInt8 : Variant::kFloat32;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_float32(d.params.beta, d.rows, d.depth, static_cast<const float*>(call.input(0)),
                  static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_int8(d.params, d.rows, d.depth, static_cast<const int8_t*>(call.input(0)),
               static_cast<int8_t*>(call.output(0)));
}

}  // namespace softmax

}  // namespace reference
}  // namespace kernels
}  // namespace strata
