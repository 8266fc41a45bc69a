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

void softmax_int8(const SoftmaxParams& p, int32_t rows, int32_t depth, const int8_t* input,
                  void* output, bool int16_output) {
  const int kScaledDiffBits = 5;     // exp input in Q5.26
  const int kAccumulationBits = 12;  // sum of exps in Q12.19
  const int output_bits = int16_output ? 16 : 8;
  const int32_t out_min = int16_output ? -32768 : -128;
  const int32_t out_max = -out_min - 1;
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* x = input + r * depth;
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
    const int exponent = num_bits_over_unit + 31 - output_bits;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = x[c] - max;
      int32_t y = out_min;
      if (diff >= p.diff_min) {
        const int32_t scaled = saturating_rounding_doubling_high_mul(
            static_cast<int32_t>(static_cast<uint32_t>(diff) << p.input_left_shift),
            p.input_multiplier);
        const int32_t e = exp_on_negative_values(scaled, kScaledDiffBits);
        const int32_t unsat =
            rounding_divide_by_pot(saturating_rounding_doubling_high_mul(reciprocal, e), exponent);
        y = clamp_i32(unsat + out_min, out_min, out_max);
      }
      if (int16_output) {
        static_cast<int16_t*>(output)[r * depth + c] = static_cast<int16_t>(y);
      } else {
        static_cast<int8_t*>(output)[r * depth + c] = static_cast<int8_t>(y);
      }
    }
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
  int32_t int16_output;  // int8 input: 1 for an int16 output
  int32_t reserved;
};
static_assert(sizeof(SoftmaxOpData) == 32, "arena-resident layout");

// |scale - expected| <= expected / 1000: TFLite's tolerance for the 16-bit output scales.
bool near_scale(float scale, float expected) {
  const float diff = scale - expected;
  return diff <= 0.001f * expected && diff >= -0.001f * expected;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<SoftmaxOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SoftmaxOptions() : nullptr;
  const float beta = o != nullptr ? o->beta() : 1.0f;
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, out));
  if (in.rank < 1 || in.dims[in.rank - 1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input needs a non-empty last dimension");
  }
  d->depth = in.dims[in.rank - 1];
  d->rows = static_cast<int32_t>(in.elements) / d->depth;
  d->params.beta = beta;
  switch (in.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return check_type(ctx, out, "output", DataType::kFloat32);
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
      if (out.type == DataType::kInt16) {
        if (out.zero_point != -32768 || !near_scale(out.scale, 1.0f / 65536)) {
          return OpError(ctx, StatusCode::kUnsupported,
                         "int16 output must have scale 1/65536, zp -32768");
        }
        d->int16_output = 1;
      } else {
        STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", DataType::kInt8));
        if (out.zero_point != -128 || out.scale != 1.0f / 256) {
          return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 1/256, zp -128");
        }
      }
      compute_softmax_params_int8(beta, in.scale, &d->params);
      return Status::Ok();
    case DataType::kInt16:
      req->variant = Variant::kInt16;
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
      STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", DataType::kInt16));
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
      if (!near_scale(out.scale, 1.0f / 32768)) {
        return OpError(ctx, StatusCode::kUnsupported, "int16 output must have scale 1/32768");
      }
      {
        // Differences to the row maximum rescaled so that [-10, 0] spans [-65535, 0].
        int shift = 0;
        quantize_multiplier(static_cast<double>(in.scale) * static_cast<double>(beta) /
                                (10.0 / 65535.0),
                            &d->params.input_multiplier, &shift);
        d->params.input_left_shift = shift;
      }
      return Status::Ok();
    default:
      return OpError(ctx, StatusCode::kUnsupported,
                     "input type %s is not supported (float32, int8, int16)",
                     DataTypeName(in.type));
  }
}

void invoke_float32(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_float32(d.params.beta, d.rows, d.depth, static_cast<const float*>(call.input(0)),
                  static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const SoftmaxOpData& d = call.data<SoftmaxOpData>();
  softmax_int8(d.params, d.rows, d.depth, static_cast<const int8_t*>(call.input(0)),
               call.output(0), d.int16_output != 0);
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
