// TRANSPOSE_CONV: the gradient of CONV_2D with respect to its input ("deconvolution"). Input pixel
// (iy, ix) adds input x weights[oc][ky][kx][ic] to output pixel (iy * stride - pad + ky,
// ix * stride - pad + kx); the padding is the one CONV_2D would use on the output's size.
// Inputs: 0 the output shape (int32 [4], ignored as in TFLite Micro; when constant it must match),
// 1 the weights [out_c, kh, kw, in_c], 2 the input, 3 an optional bias.
//
// Each output element gathers its contributions in input order (rows, columns, channels): the
// order in which TFLite's reference scatters them, so float sums round alike, and no int32 or
// int64 accumulator buffer of the output's size is needed. float32; int8 (int32 bias, per-channel
// weights); int16 activations with int8 weights (int64 or int32 bias, TFLite's 16x8 rules).
#include <type_traits>

#include "common/conv_params.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "common/requantize_16x8.hpp"
#include "common/weighted_op.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace transpose_conv {
namespace {

constexpr uint32_t kShapeInput = 0;
constexpr uint32_t kWeightsInput = 1;
constexpr uint32_t kDataInput = 2;
constexpr uint32_t kBiasInput = 3;

// Followed in the arena by `channels` int32 multipliers and int8 shifts (int8, int16).
struct TransposeConvOpData {
  ConvParams params;  // strides, padding, offsets and clamp; dilation is always 1
  Dims4 input;
  Dims4 filter;  // [out_c, kh, kw, in_c]
  Dims4 output;
  uint32_t flags;  // kWideAccumulator
  int32_t reserved;
};
static_assert(sizeof(TransposeConvOpData) == 96, "arena-resident layout");

const int32_t* multipliers(const TransposeConvOpData& d) {
  return reinterpret_cast<const int32_t*>(&d + 1);
}
const int8_t* shifts(const TransposeConvOpData& d) {
  return reinterpret_cast<const int8_t*>(multipliers(d) + d.output.c);
}

// Sum over the input pixels that reach output (b, oy, ox) of input[ic] x weights[oc][ky][kx][ic],
// with `offset` added to every input value.
template <typename In, typename W, typename Acc>
Acc gather(const TransposeConvOpData& d, const In* input, const W* weights, int32_t b, int32_t oy,
           int32_t ox, int32_t oc, Acc offset) {
  const ConvParams& p = d.params;
  const Dims4& in = d.input;
  const Dims4& f = d.filter;
  // Input rows iy with 0 <= oy + pad - iy * stride < kh, ascending.
  const int32_t ty = oy + p.pad_h;
  const int32_t tx = ox + p.pad_w;
  const int32_t y_last = ty / p.stride_h < in.h - 1 ? ty / p.stride_h : in.h - 1;
  const int32_t x_last = tx / p.stride_w < in.w - 1 ? tx / p.stride_w : in.w - 1;
  const int32_t y_first = ty - f.h + 1 > 0 ? (ty - f.h + p.stride_h) / p.stride_h : 0;
  const int32_t x_first = tx - f.w + 1 > 0 ? (tx - f.w + p.stride_w) / p.stride_w : 0;
  Acc acc = 0;
  for (int32_t iy = y_first; iy <= y_last; ++iy) {
    const int32_t ky = ty - iy * p.stride_h;
    for (int32_t ix = x_first; ix <= x_last; ++ix) {
      const int32_t kx = tx - ix * p.stride_w;
      const In* x = input + offset4(in, b, iy, ix, 0);
      const W* w = weights + offset4(f, oc, ky, kx, 0);
      for (int32_t ic = 0; ic < in.c; ++ic) {
        acc += (static_cast<Acc>(x[ic]) + offset) * static_cast<Acc>(w[ic]);
      }
    }
  }
  return acc;
}

// Calls emit(sum, oc) for every output element in order (batch, y, x, channel), with the sum
// gather() makes of it: In the input type, the weights float32 for a float input, else int8.
template <typename In, typename Acc, typename Emit>
void for_each_output(const TransposeConvOpData& d, const OpCall& call, Acc offset, Emit emit) {
  using W = typename std::conditional<std::is_same<In, float>::value, float, int8_t>::type;
  const In* input = static_cast<const In*>(call.input(kDataInput));
  const W* weights = static_cast<const W*>(call.input(kWeightsInput));
  const Dims4& out = d.output;
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          emit(gather(d, input, weights, b, oy, ox, oc, offset), oc);
        }
      }
    }
  }
}

Status pick_variant(const OpContext& ctx, Variant* v) {
  const DataType in = ctx.input(kDataInput).type;
  const DataType w = ctx.input(kWeightsInput).type;
  if (in == DataType::kFloat32 && w == DataType::kFloat32) {
    *v = Variant::kFloat32;
  } else if (in == DataType::kInt8 && w == DataType::kInt8) {
    *v = Variant::kInt8;
  } else if (in == DataType::kInt16 && w == DataType::kInt8) {
    *v = Variant::kInt16;
  } else {
    return OpError(ctx, StatusCode::kUnsupported, "input %s with weights %s is not supported",
                   DataTypeName(in), DataTypeName(w));
  }
  return check_type(ctx, ctx.output(0), "output", in);
}

// The output shape input, when constant, must say what the output tensor is.
Status check_shape_input(const OpContext& ctx, const Dims4& out) {
  const TensorView& s = ctx.input(kShapeInput);
  if (!s.is_constant || s.data == nullptr) return Status::Ok();
  const int32_t* v = s.int32_data();
  if (v == nullptr || s.elements != 4 || v[0] != out.n || v[1] != out.h || v[2] != out.w ||
      v[3] != out.c) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape input '%s' does not hold the output's shape [%d,%d,%d,%d]", s.name,
                   static_cast<int>(out.n), static_cast<int>(out.h), static_cast<int>(out.w),
                   static_cast<int>(out.c));
  }
  return Status::Ok();
}

// Strides, padding and activation; the input must be what CONV_2D would make of the output.
Status analyze_geometry(const OpContext& ctx, const tflite::TransposeConvOptions& o,
                        TransposeConvOpData* d) {
  ConvGeometry g = {static_cast<Padding>(o.padding()),
                    o.stride_h(),
                    o.stride_w(),
                    1,
                    1,
                    d->output.h,
                    d->output.w,
                    d->filter.h,
                    d->filter.w,
                    1};
  int32_t conv_h = 0;
  int32_t conv_w = 0;
  if (!compute_conv_geometry(g, &d->params, &conv_h, &conv_w)) {
    return OpError(ctx, StatusCode::kMalformedModel, "invalid stride or padding");
  }
  if (conv_h != d->input.h || conv_w != d->input.w) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output %dx%d does not transpose-convolve from input %dx%d with this filter, "
                   "stride and padding",
                   static_cast<int>(d->output.h), static_cast<int>(d->output.w),
                   static_cast<int>(d->input.h), static_cast<int>(d->input.w));
  }
  return Status::Ok();
}

Status analyze(const OpContext& ctx, Variant* v, TransposeConvOpData* d) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 3, 4));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_TransposeConvOptions() : nullptr;
  if (o == nullptr)
    return OpError(ctx, StatusCode::kMalformedModel, "missing TransposeConvOptions");
  STRATA_RETURN_IF_ERROR(pick_variant(ctx, v));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, ctx.input(kDataInput), "input", &d->input));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, ctx.input(kWeightsInput), "weights", &d->filter));
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, ctx.output(0), "output", &d->output));
  if (d->filter.c != d->input.c || d->filter.n != d->output.c || d->output.n != d->input.n) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "weights [%d,%d,%d,%d] do not map input depth %d to output depth %d",
                   static_cast<int>(d->filter.n), static_cast<int>(d->filter.h),
                   static_cast<int>(d->filter.w), static_cast<int>(d->filter.c),
                   static_cast<int>(d->input.c), static_cast<int>(d->output.c));
  }
  STRATA_RETURN_IF_ERROR(check_shape_input(ctx, d->output));
  STRATA_RETURN_IF_ERROR(analyze_geometry(ctx, *o, d));
  const int32_t channels = d->output.c;
  d->flags = 0;
  // TFLite Micro reads a 16x8 bias as int64 (absent: 64-bit sums); quantized_bias_type allows
  // int32.
  STRATA_RETURN_IF_ERROR(
      check_weighted_bias(ctx, ctx.input(kBiasInput), *v, channels, true, true, &d->flags));
  return prepare_weighted_quantization(
      ctx, *v, ctx.input(kDataInput), ctx.input(kWeightsInput), channels,
      static_cast<FusedActivation>(o->fused_activation_function()), &d->params);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<TransposeConvOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(analyze(ctx, &req->variant, d.get()));
  req->input_slots = kBiasInput + 1;  // the bias is optional
  if (req->variant == Variant::kFloat32) return Status::Ok();
  // Per-channel requantization after the record: int32 multiplier and int8 shift per channel.
  uint32_t bytes = 0;
  STRATA_RETURN_IF_ERROR(require_size(
      ctx, CheckedSize(d->output.c) * 5 + sizeof(TransposeConvOpData), "op data", &bytes));
  req->op_data_bytes = align8(bytes);
  if (!d.in_arena()) return Status::Ok();
  const TensorView& w = ctx.input(kWeightsInput);
  int32_t* mult = reinterpret_cast<int32_t*>(d.get() + 1);
  compute_channel_multipliers(ctx.input(kDataInput).scale, w.scales,
                              static_cast<int32_t>(w.num_quant), ctx.output(0).scale, d->output.c,
                              mult, reinterpret_cast<int8_t*>(mult + d->output.c));
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const TransposeConvOpData& d = call.data<TransposeConvOpData>();
  const float* bias = static_cast<const float*>(call.optional_input(kBiasInput));
  float* output = static_cast<float*>(call.output(0));
  for_each_output<float>(d, call, 0.0f, [&d, bias, &output](float acc, int32_t oc) {
    if (bias != nullptr) acc += bias[oc];
    acc = acc < d.params.act_min_f ? d.params.act_min_f : acc;
    *output++ = acc > d.params.act_max_f ? d.params.act_max_f : acc;
  });
}

void invoke_int8(const OpCall& call) {
  const TransposeConvOpData& d = call.data<TransposeConvOpData>();
  const int32_t* bias = static_cast<const int32_t*>(call.optional_input(kBiasInput));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  const ConvParams& p = d.params;
  for_each_output<int8_t>(d, call, p.input_offset, [&](int32_t acc, int32_t oc) {
    if (bias != nullptr) acc += bias[oc];
    acc = multiply_by_quantized_multiplier(acc, multipliers(d)[oc], shifts(d)[oc]);
    *output++ = static_cast<int8_t>(clamp_i32(acc + p.output_offset, p.act_min, p.act_max));
  });
}

void invoke_int16(const OpCall& call) {
  const TransposeConvOpData& d = call.data<TransposeConvOpData>();
  const void* bias = call.optional_input(kBiasInput);
  int16_t* output = static_cast<int16_t*>(call.output(0));
  const bool wide = (d.flags & kWideAccumulator) != 0;
  for_each_output<int16_t>(d, call, int64_t{0}, [&](int64_t sum, int32_t oc) {
    const int32_t v = requantize_16x8(sum, bias, oc, wide, multipliers(d)[oc], shifts(d)[oc]);
    *output++ = static_cast<int16_t>(clamp_i32(v, d.params.act_min, d.params.act_max));
  });
}

}  // namespace transpose_conv
}  // namespace reference
}  // namespace kernels
}  // namespace strata
