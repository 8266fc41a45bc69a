#include "reference/softmax.hpp"

#include <cfloat>
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/lut.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "common/softmax_int16_luts.hpp"
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

namespace {

// TFLite's int8 softmax into int8 or int16 outputs (Out): exp(x - max) in fixed point, their sum's
// reciprocal, the product shifted to the output's range.
template <typename Out>
void softmax_int8_rows(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                       Out* output) {
  constexpr int kScaledDiffBits = 5;     // exp input in Q5.26
  constexpr int kAccumulationBits = 12;  // sum of exps in Q12.19
  constexpr int kOutputBits = sizeof(Out) == 2 ? 16 : 8;
  constexpr int32_t kOutMin = sizeof(Out) == 2 ? -32768 : -128;
  constexpr int32_t kOutMax = -kOutMin - 1;
  // Locals, not p's fields: a store through an int8 output may alias p, so the compiler would
  // reload every field in the loop.
  const int32_t diff_min = p.diff_min;
  const int input_left_shift = p.input_left_shift;
  const int32_t input_multiplier = p.input_multiplier;
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* x = input + r * depth;
    Out* y = output + r * depth;
    int32_t max = -128;
    for (int32_t c = 0; c < depth; ++c) max = x[c] > max ? x[c] : max;
    int32_t sum = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < diff_min) continue;
      const int32_t scaled = saturating_rounding_doubling_high_mul(
          static_cast<int32_t>(static_cast<uint32_t>(diff) << input_left_shift), input_multiplier);
      sum += rounding_divide_by_pot(exp_on_negative_values(scaled, kScaledDiffBits),
                                    kAccumulationBits);
    }
    int num_bits_over_unit = 0;
    const int32_t reciprocal = reciprocal_fixed(sum, kAccumulationBits, &num_bits_over_unit);
    // A hostile model's tiny sum can ask for a shift past 31, which int32 cannot do.
    const int wanted = num_bits_over_unit + 31 - kOutputBits;
    const int exponent = wanted < 31 ? wanted : 31;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < diff_min) {
        y[c] = static_cast<Out>(kOutMin);
        continue;
      }
      const int32_t scaled = saturating_rounding_doubling_high_mul(
          static_cast<int32_t>(static_cast<uint32_t>(diff) << input_left_shift), input_multiplier);
      const int32_t e = exp_on_negative_values(scaled, kScaledDiffBits);
      const int32_t unsat =
          rounding_divide_by_pot(saturating_rounding_doubling_high_mul(reciprocal, e), exponent);
      y[c] = static_cast<Out>(clamp_i32(unsat + kOutMin, kOutMin, kOutMax));
    }
  }
}

}  // namespace

void softmax_int8(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                  void* output, bool int16_output) {
  if (int16_output) {
    softmax_int8_rows(p, rows, depth, input, static_cast<int16_t*>(output));
  } else {
    softmax_int8_rows(p, rows, depth, input, static_cast<int8_t*>(output));
  }
}

void softmax_int16(const SoftmaxParams& p, int32_t rows, int32_t depth, const int16_t* input,
                   int16_t* output) {
  for (int32_t r = 0; r < rows; ++r) {
    const int16_t* x = input + r * depth;
    int16_t* y = output + r * depth;
    int32_t max = -32768;
    for (int32_t c = 0; c < depth; ++c) max = x[c] > max ? x[c] : max;
    // exp(x - max) in Q0.15, kept in the output row until the sum is known.
    int32_t sum = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t scaled =
          multiply_by_quantized_multiplier(x[c] - max, p.input_multiplier, p.input_left_shift);
      // [-65535, 0] (that is [-10, 0]) recentred onto the table's int16 range.
      const int32_t centred = clamp_i32(scaled + 32767, -32768, 32767);
      y[c] = lut_lookup_int16(static_cast<int16_t>(centred), kSoftmaxExpLut);
      sum += y[c];
    }
    // 1 / sum: sum = 2^k (1 + f) with f in [0, 1) in Q0.15, recentred for the 1/(1 + f) table.
    const int headroom_plus_one = count_leading_zeros(static_cast<uint32_t>(sum));
    const int32_t shifted_sum = static_cast<int32_t>(
        ((static_cast<int64_t>(sum) << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
    const int32_t centred_sum = clamp_i32(shifted_sum - ((1 << 15) + (1 << 16)), -32768, 32767);
    const int32_t reciprocal =
        lut_lookup_int16(static_cast<int16_t>(centred_sum), kSoftmaxReciprocalLut);
    const int right_shift = 31 - headroom_plus_one;
    const int64_t round = INT64_C(1) << (right_shift - 1);
    for (int32_t c = 0; c < depth; ++c) {
      const int64_t v = (static_cast<int64_t>(y[c]) * reciprocal + round) >> right_shift;
      y[c] = static_cast<int16_t>(v < 0 ? 0 : (v > 32767 ? 32767 : v));
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

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<SoftmaxOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SoftmaxOptions() : nullptr;
  const float beta = o != nullptr ? o->beta() : 1.0f;
  STRATA_RETURN_IF_ERROR(check_same_size(ctx, in, out));
  if (in.rank < 1 || in.dims[in.rank - 1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input needs a non-empty last dimension");
  }
  d->depth = in.dims[in.rank - 1];
  d->rows = static_cast<int32_t>(in.elements) / d->depth;
  d->params.beta = beta;
  if (in.type == DataType::kFloat32) {
    req->variant = Variant::kFloat32;
    return check_type(ctx, out, "output", DataType::kFloat32);
  }
  if (in.type != DataType::kInt8 && in.type != DataType::kInt16) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "input type %s is not supported (float32, int8, int16)", DataTypeName(in.type));
  }
  const bool int16_in = in.type == DataType::kInt16;
  const bool int16_out = out.type == DataType::kInt16;
  // int8 input: int8 or int16 output; int16 input: int16 output.
  if (!int16_out) STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  // The output quantization TFLite fixes for each pair: the probability range over the type,
  // 16-bit scales within 0.1% of it, the int8 one exact.
  const int32_t zero_point = int16_in ? 0 : (int16_out ? -32768 : -128);
  const float scale = int16_in ? 1.0f / 32768 : (int16_out ? 1.0f / 65536 : 1.0f / 256);
  const float tolerance = int16_out ? 0.001f * scale : 0.0f;
  const float off = out.scale - scale;
  if (out.zero_point != zero_point || off > tolerance || off < -tolerance) {
    return OpError(ctx, StatusCode::kUnsupported, "%s output must have scale 1/%d, zero point %d",
                   DataTypeName(out.type), static_cast<int>(1.0f / scale),
                   static_cast<int>(zero_point));
  }
  if (!int16_in) {
    req->variant = Variant::kInt8;
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, in, "input"));
    d->params.int16_output = int16_out ? 1 : 0;
    compute_softmax_params_int8(beta, in.scale, &d->params);
    if (d->params.input_left_shift < 0) {  // TFLite requires the multiplier to exceed one
      return OpError(ctx, StatusCode::kUnsupported,
                     "input scale times beta is below 2^-26: too small for the int8 kernel");
    }
    return Status::Ok();
  }
  req->variant = Variant::kInt16;
  if (!(in.scale > 0.0f) || in.zero_point != 0) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "int16 input '%s' needs a positive scale and zero point 0", in.name);
  }
  // Differences to the row maximum rescaled so that [-10, 0] spans [-65535, 0].
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale) * static_cast<double>(beta) / (10.0 / 65535.0),
                      &d->params.input_multiplier, &shift);
  d->params.input_left_shift = static_cast<int16_t>(shift);
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_float32(d.params.beta, d.rows, d.depth, static_cast<const float*>(call.input(0)),
                  static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_int8(d.params, d.rows, d.depth, static_cast<const int8_t*>(call.input(0)), call.output(0),
               d.params.int16_output != 0);
}

void invoke_int16(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_int16(d.params, d.rows, d.depth, static_cast<const int16_t*>(call.input(0)),
                static_cast<int16_t*>(call.output(0)));
}

}  // namespace softmax

}  // namespace reference
}  // namespace kernels
}  // namespace strata
