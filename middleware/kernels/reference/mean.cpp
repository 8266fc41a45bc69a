#include "reference/mean.hpp"

#include "common/op_checks.hpp"
#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

// Calls f(output_index, input_index) for every input element, in input order.
template <typename F>
void for_each_reduced(const MeanParams& p, F f) {
  const int32_t d[4] = {p.input.n, p.input.h, p.input.w, p.input.c};
  int32_t od[4];
  for (int i = 0; i < 4; ++i) od[i] = (p.reduce_mask & (1u << i)) ? 1 : d[i];
  int32_t in_index = 0;
  for (int32_t a = 0; a < d[0]; ++a) {
    for (int32_t b = 0; b < d[1]; ++b) {
      for (int32_t c = 0; c < d[2]; ++c) {
        for (int32_t e = 0; e < d[3]; ++e) {
          const int32_t oa = od[0] == 1 ? 0 : a;
          const int32_t ob = od[1] == 1 ? 0 : b;
          const int32_t oc = od[2] == 1 ? 0 : c;
          const int32_t oe = od[3] == 1 ? 0 : e;
          f(((oa * od[1] + ob) * od[2] + oc) * od[3] + oe, in_index++);
        }
      }
    }
  }
}

int32_t output_count(const MeanParams& p) {
  return flat_size(p.input) / (p.count > 0 ? p.count : 1);
}

}  // namespace

void mean_float32(const MeanParams& p, const float* input, float* output) {
  const int32_t n = output_count(p);
  for (int32_t i = 0; i < n; ++i) output[i] = 0.0f;
  for_each_reduced(p, [&](int32_t o, int32_t i) { output[o] += input[i]; });
  for (int32_t i = 0; i < n; ++i) output[i] = output[i] / static_cast<float>(p.count);
}

void mean_int8(const MeanParams& p, const int8_t* input, int8_t* output, int32_t* sums) {
  const int32_t n = output_count(p);
  for (int32_t o = 0; o < n; ++o) sums[o] = 0;
  for_each_reduced(p, [&](int32_t o, int32_t i) { sums[o] += input[i]; });
  for (int32_t o = 0; o < n; ++o) {
    int32_t v;
    if (p.same_quant) {
      v = sums[o] / p.count;  // TFLM: truncating integer average
    } else {
      v = multiply_by_quantized_multiplier(sums[o] - p.input_zero_point * p.count, p.multiplier,
                                           p.shift) +
          p.output_zero_point;
    }
    output[o] = static_cast<int8_t>(clamp_i32(v, -128, 127));
  }
}

namespace mean {
namespace {

struct MeanOpData {
  MeanParams params;
};

Status read_axes(const OpContext& ctx, MeanParams* p) {
  const TensorView& in = ctx.input(0);
  const TensorView& axes = ctx.input(1);
  STRATA_RETURN_IF_ERROR(check_type(ctx, axes, "axis", DataType::kInt32));
  if (!axes.is_constant || axes.data == nullptr || in.rank < 1 || in.rank > 4) {
    return OpError(ctx, StatusCode::kUnsupported, "needs constant axes and rank 1..4");
  }
  int32_t d4[4] = {1, 1, 1, 1};
  for (int32_t i = 0; i < in.rank; ++i) d4[4 - in.rank + i] = in.dims[i];
  p->input = {d4[0], d4[1], d4[2], d4[3]};
  p->reduce_mask = 0;
  const int32_t* ax = axes.int32_data();
  for (uint32_t i = 0; i < axes.elements; ++i) {
    const int32_t a = ax[i] < 0 ? ax[i] + in.rank : ax[i];
    if (a < 0 || a >= in.rank) {
      return OpError(ctx, StatusCode::kMalformedModel, "axis %d out of range",
                     static_cast<int>(ax[i]));
    }
    p->reduce_mask |= 1u << (4 - in.rank + a);
  }
  p->count = 1;
  for (int i = 0; i < 4; ++i) {
    if (p->reduce_mask & (1u << i)) p->count *= d4[i];
  }
  return Status::Ok();
}

Status analyze(const OpContext& ctx, MeanParams* p) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (in.type != DataType::kInt8 && in.type != DataType::kFloat32) {
    return OpError(ctx, StatusCode::kUnsupported, "type %s is not supported",
                   DataTypeName(in.type));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  *p = MeanParams{};
  STRATA_RETURN_IF_ERROR(read_axes(ctx, p));
  const CheckedSize reduced = CheckedSize(out.elements) * p->count;
  if (p->count <= 0 || !reduced.ok() || reduced.value() != in.elements) {
    return OpError(ctx, StatusCode::kMalformedModel, "output size does not match the axes");
  }
  if (in.type != DataType::kInt8) return Status::Ok();
  STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
  p->input_zero_point = in.zero_point;
  p->output_zero_point = out.zero_point;
  p->same_quant = (in.scale == out.scale && in.zero_point == out.zero_point) ? 1 : 0;
  int shift = 0;
  int32_t mult = 0;
  quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale), &mult,
                      &shift);
  // Fold 1/count into the multiplier the way TFLite does: scale up by 2^k (k = floor(log2
  // count), limited to keep the shift in range), divide by count, and lower the shift by k.
  int k = 0;
  while (k < 62 && (INT64_C(1) << (k + 1)) <= p->count) ++k;
  if (k > 32) k = 32;
  if (k > 31 + shift) k = 31 + shift;
  p->multiplier = static_cast<int32_t>((static_cast<int64_t>(mult) << k) / p->count);
  p->shift = shift - k;
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<MeanOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(analyze(ctx, &d->params));
  const bool is_int8 = ctx.input(0).type == DataType::kInt8;
  req->variant = is_int8 ? Variant::kInt8 : Variant::kFloat32;
  if (is_int8) {  // one int32 sum per output element
    STRATA_RETURN_IF_ERROR(require_size(ctx, CheckedSize(ctx.output(0).elements) * 4,
                                        "the sums scratch", &req->scratch_bytes));
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  mean_float32(call.data<MeanOpData>().params, static_cast<const float*>(call.input(0)),
               static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  mean_int8(call.data<MeanOpData>().params, static_cast<const int8_t*>(call.input(0)),
            static_cast<int8_t*>(call.output(0)), static_cast<int32_t*>(call.scratch()));
}

}  // namespace mean

}  // namespace reference
}  // namespace kernels
}  // namespace strata
