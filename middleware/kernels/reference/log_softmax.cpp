// LOG_SOFTMAX over the last dimension: x - max - log(sum(exp(x - max))). float32; int8 with
// TFLite's fixed-point algorithm: exp of the scaled difference to the row maximum in Q5.26 summed
// in Q12.19, its log in Q5.26, the output with scale 16/256 and zero point 127 (TFLite's fixed
// output quantization). Differences too far below the maximum to matter give the output minimum.
#include <cfloat>
#include <cmath>

#include "common/fixed_point_math.hpp"
#include "common/nonlinear_params.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace log_softmax {
namespace {

struct LogSoftmaxOpData {
  int32_t rows;
  int32_t depth;
  int32_t input_multiplier;  // int8: input scale * 2^26 (Q5.26 steps) as multiplier, left shift
  int32_t input_left_shift;
  int32_t reverse_multiplier;  // the inverse of that scaling: multiplier and (<= 0) shift
  int32_t reverse_shift;
  int32_t diff_min;  // differences below this contribute nothing
  int32_t reserved;
};

constexpr int kInputIntegerBits = 5;
constexpr int kAccumulationIntegerBits = 12;
constexpr int kOutputIntegerBits = 4;

int32_t scaled_difference(const LogSoftmaxOpData& d, int32_t diff) {
  return multiply_by_quantized_multiplier(diff, d.input_multiplier, d.input_left_shift);
}

void log_softmax_int8(const LogSoftmaxOpData& d, const int8_t* input, int8_t* output) {
  for (int32_t r = 0; r < d.rows; ++r) {
    const int8_t* x = input + r * d.depth;
    int8_t* y = output + r * d.depth;
    int32_t max = -128;
    for (int32_t c = 0; c < d.depth; ++c) max = x[c] > max ? x[c] : max;
    int32_t sum_of_exps = 0;  // Q12.19
    for (int32_t c = 0; c < d.depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff >= d.diff_min) {
        sum_of_exps += rounding_divide_by_pot(
            exp_on_negative_values(scaled_difference(d, diff), kInputIntegerBits),
            kAccumulationIntegerBits);
      }
    }
    const int32_t log_sum = log_x_for_x_ge_1(sum_of_exps, kAccumulationIntegerBits,
                                             kInputIntegerBits);  // Q5.26
    // Differences whose result is below the Q5.26 range plus log_sum give the minimum.
    const int32_t limit = multiply_by_quantized_multiplier(
        static_cast<int32_t>(static_cast<uint32_t>(log_sum) + UINT32_C(0x80000000)),
        d.reverse_multiplier, d.reverse_shift);
    const int32_t adjusted_diff_min = d.diff_min - 1 > limit ? d.diff_min - 1 : limit;
    for (int32_t c = 0; c < d.depth; ++c) {
      const int32_t diff = x[c] - max;
      int32_t v = -128;
      if (diff > adjusted_diff_min) {
        v = rounding_divide_by_pot(scaled_difference(d, diff) - log_sum,
                                   31 - kInputIntegerBits - kOutputIntegerBits) +
            127;
      }
      y[c] = static_cast<int8_t>(clamp_i32(v, -128, 127));
    }
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<LogSoftmaxOpData> d(req, op_data);
  // In place is fine too: each row is read whole before its outputs are written.
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (in.rank < 1 || in.dims[in.rank - 1] <= 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "input needs a non-empty last dimension");
  }
  d->depth = in.dims[in.rank - 1];
  d->rows = static_cast<int32_t>(in.elements) / d->depth;
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8) return unsupported_input_type(ctx, "float32, int8");
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  if (out.scale != 16.0f / 256 || out.zero_point != 127) {
    return OpError(ctx, StatusCode::kUnsupported, "int8 output must have scale 16/256, zp 127");
  }
  // The scaled differences need a multiplier above 1 (TFLite requires it): input scale > 2^-26.
  if (!(in.scale > 1.0f / (1 << 26))) {
    return OpError(ctx, StatusCode::kUnsupported, "input scale must be above 2^-26");
  }
  SoftmaxParams p;
  compute_softmax_params_int8(1.0f, in.scale, &p);
  d->input_multiplier = p.input_multiplier;
  d->input_left_shift = p.input_left_shift;
  d->diff_min = p.diff_min;
  // 2^(31 - shift) / multiplier: the real inverse of the input scaling, below 1.
  int shift = 0;
  quantize_multiplier(static_cast<double>(INT64_C(1) << (31 - p.input_left_shift)) /
                          static_cast<double>(p.input_multiplier),
                      &d->reverse_multiplier, &shift);
  d->reverse_shift = shift;
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const LogSoftmaxOpData& d = call.data<LogSoftmaxOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t r = 0; r < d.rows; ++r) {
    const float* x = input + r * d.depth;
    float* y = output + r * d.depth;
    float max = -FLT_MAX;
    for (int32_t c = 0; c < d.depth; ++c) max = x[c] > max ? x[c] : max;
    float sum = 0.0f;
    for (int32_t c = 0; c < d.depth; ++c) sum += std::exp(x[c] - max);
    const float log_sum = std::log(sum);
    for (int32_t c = 0; c < d.depth; ++c) y[c] = x[c] - max - log_sum;
  }
}

void invoke_int8(const OpCall& call) {
  log_softmax_int8(call.data<LogSoftmaxOpData>(), static_cast<const int8_t*>(call.input(0)),
                   static_cast<int8_t*>(call.output(0)));
}

}  // namespace log_softmax
}  // namespace reference
}  // namespace kernels
}  // namespace strata
