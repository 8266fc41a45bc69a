// MEAN, SUM, REDUCE_MAX, REDUCE_MIN and REDUCE_ALL: the reduction engine (common/reduce_op.hpp)
// with each op's fold, as TensorFlow Lite Micro's reference kernels compute them:
// - float32: sums, maxima and minima in input order; MEAN divides the float sum by the count.
// - int8/int16 MEAN and SUM: the int32 sum of the raw values (wrapping), less input zero point x
//   count, requantized by input scale / output scale, plus the output zero point, saturated. MEAN
//   folds 1/count into that multiplier first: scaled up by 2^k (k = floor(log2 count), at most 32
//   and at most 31 + shift so the final shift stays >= -31), divided by count (truncating), shift
//   lowered by k. TFLM takes this path even when both quantizations are equal.
// - int8 REDUCE_MAX/REDUCE_MIN compare raw values: input and output quantization must be equal.
// - REDUCE_ALL: logical AND of bools (bytes, any non-zero byte is true), true when empty.
#include <cfloat>

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "common/reduce_op.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct ReduceOpData {
  ReduceShape shape;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;  // int8/int16 MEAN and SUM: Q0.31 requantization multiplier and shift
  int32_t shift;
};
static_assert(sizeof(ReduceOpData) == 96, "arena-resident layout");

enum class Fold { kMean, kSum, kMax, kMin, kAll };

// The requantization of MEAN and SUM (see the top of this file).
void prepare_requantization(const TensorView& in, const TensorView& out, Fold fold,
                            ReduceOpData* d) {
  d->input_zero_point = in.zero_point;
  d->output_zero_point = out.zero_point;
  int32_t multiplier = 0;
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale), &multiplier,
                      &shift);
  const int64_t count = d->shape.reduce_count;
  if (fold == Fold::kMean && count > 0) {
    int k = 0;
    while ((INT64_C(2) << k) <= count) ++k;  // floor(log2 count)
    if (k > 32) k = 32;
    if (k > 31 + shift) k = 31 + shift;
    multiplier = static_cast<int32_t>((static_cast<int64_t>(multiplier) << k) / count);
    shift -= k;
  }
  d->multiplier = multiplier;
  d->shift = shift;
}

Status prepare_reduce(const OpContext& ctx, OpRequirements* req, void* op_data, Fold fold) {
  OpDataRef<ReduceOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(reduce_prepare_shape(ctx, &d->shape));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const bool arithmetic = fold == Fold::kMean || fold == Fold::kSum;
  switch (in.type) {
    case DataType::kFloat32:
      if (fold == Fold::kAll) break;
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kBool:
      if (fold != Fold::kAll) break;
      req->variant = Variant::kBool;
      return Status::Ok();
    case DataType::kInt8:
    case DataType::kInt16:
      if (fold == Fold::kAll || (!arithmetic && in.type == DataType::kInt16)) break;
      req->variant = in.type == DataType::kInt8 ? Variant::kInt8 : Variant::kInt16;
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
      if (arithmetic) {
        prepare_requantization(in, out, fold, d.get());
      } else if (in.scale != out.scale || in.zero_point != out.zero_point) {
        return OpError(ctx, StatusCode::kUnsupported,
                       "input and output quantization differ (TFLite requires them equal)");
      }
      return Status::Ok();
    default:
      break;
  }
  return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                 DataTypeName(in.type));
}

template <typename T>
void mean_or_sum_quantized(const OpCall& call) {
  constexpr int32_t kMin = -(1 << (8 * sizeof(T) - 1));
  constexpr int32_t kMax = (1 << (8 * sizeof(T) - 1)) - 1;
  const ReduceOpData& d = call.data<ReduceOpData>();
  const int64_t zero_point_total = static_cast<int64_t>(d.input_zero_point) * d.shape.reduce_count;
  reduce(
      d.shape, static_cast<const T*>(call.input(0)), static_cast<T*>(call.output(0)), int32_t{0},
      [](int32_t acc, T x) {  // TFLite's sums wrap
        return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(x));
      },
      [&](int32_t sum) {
        if (d.shape.reduce_count == 0) return T{0};  // TFLM leaves empty reductions at 0
        const int32_t shifted = static_cast<int32_t>(sum - zero_point_total);
        const int32_t v =
            multiply_by_quantized_multiplier(shifted, d.multiplier, d.shift) + d.output_zero_point;
        return static_cast<T>(clamp_i32(v, kMin, kMax));
      });
}

template <typename T>
T identity(T v) {
  return v;
}

template <typename T>
void largest(const OpCall& call, T lowest) {
  reduce(
      call.data<ReduceOpData>().shape, static_cast<const T*>(call.input(0)),
      static_cast<T*>(call.output(0)), lowest, [](T acc, T x) { return x > acc ? x : acc; },
      identity<T>);
}

template <typename T>
void smallest(const OpCall& call, T highest) {
  reduce(
      call.data<ReduceOpData>().shape, static_cast<const T*>(call.input(0)),
      static_cast<T*>(call.output(0)), highest, [](T acc, T x) { return x < acc ? x : acc; },
      identity<T>);
}

float add_float(float acc, float x) { return acc + x; }

}  // namespace

namespace mean {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_reduce(ctx, req, op_data, Fold::kMean);
}

void invoke_float32(const OpCall& call) {
  const ReduceShape& s = call.data<ReduceOpData>().shape;
  const float count = static_cast<float>(s.reduce_count);
  reduce(s, static_cast<const float*>(call.input(0)), static_cast<float*>(call.output(0)), 0.0f,
         add_float, [&](float sum) { return s.reduce_count > 0 ? sum / count : sum; });
}

void invoke_int8(const OpCall& call) { mean_or_sum_quantized<int8_t>(call); }
void invoke_int16(const OpCall& call) { mean_or_sum_quantized<int16_t>(call); }

}  // namespace mean

namespace sum {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_reduce(ctx, req, op_data, Fold::kSum);
}

void invoke_float32(const OpCall& call) {
  reduce(call.data<ReduceOpData>().shape, static_cast<const float*>(call.input(0)),
         static_cast<float*>(call.output(0)), 0.0f, add_float, identity<float>);
}

void invoke_int8(const OpCall& call) { mean_or_sum_quantized<int8_t>(call); }
void invoke_int16(const OpCall& call) { mean_or_sum_quantized<int16_t>(call); }

}  // namespace sum

namespace reduce_max {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_reduce(ctx, req, op_data, Fold::kMax);
}

void invoke_float32(const OpCall& call) { largest<float>(call, -FLT_MAX); }
void invoke_int8(const OpCall& call) { largest<int8_t>(call, -128); }

}  // namespace reduce_max

namespace reduce_min {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_reduce(ctx, req, op_data, Fold::kMin);
}

void invoke_float32(const OpCall& call) { smallest<float>(call, FLT_MAX); }
void invoke_int8(const OpCall& call) { smallest<int8_t>(call, 127); }

}  // namespace reduce_min

namespace reduce_all {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_reduce(ctx, req, op_data, Fold::kAll);
}

void invoke_bool(const OpCall& call) {
  reduce(
      call.data<ReduceOpData>().shape, static_cast<const uint8_t*>(call.input(0)),
      static_cast<uint8_t*>(call.output(0)), true,
      [](bool acc, uint8_t x) { return acc && x != 0; },
      [](bool all) { return static_cast<uint8_t>(all ? 1 : 0); });
}

}  // namespace reduce_all

}  // namespace reference
}  // namespace kernels
}  // namespace strata
