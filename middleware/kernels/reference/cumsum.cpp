// CUMSUM: running sums along one axis (CumsumOptions: exclusive starts from nothing, reverse runs
// from the end), float32 and int8, as TensorFlow Lite Micro's reference kernel computes them.
//
// int8 works like TFLite's quantized ADD: every value x becomes (x - input zero point) * 2^20
// times 1/2 (input multiplier, double rounding), the sums stay in that domain and each is
// requantized by 2 * input scale / (2^20 * output scale). The running sum does not start at 0
// but at the input multiplier applied to -input zero point * 2^20, as in TFLM: with a non-zero
// input zero point every output carries that extra term.
#include "common/axis_split.hpp"
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace cumsum {
namespace {

constexpr int kLeftShift = 20;

struct CumsumOpData {
  AxisSplit split;
  int32_t exclusive;
  int32_t reverse;
  int32_t input_offset;  // -input zero point
  int32_t output_zero_point;
  int32_t input_multiplier;
  int32_t input_shift;
  int32_t output_multiplier;
  int32_t output_shift;
};
static_assert(sizeof(CumsumOpData) == 44, "arena-resident layout");

// TFLite's QuantizeMultiplierSmallerThanOneExp: each real multiplier must lie in (0, 1). The
// input one is 1/2; the output one, 2 x input scale / (2^20 x output scale), is below 1 unless the
// output scale is tiny.
Status prepare_quantized(const OpContext& ctx, const TensorView& in, const TensorView& out,
                         CumsumOpData* d) {
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  d->input_offset = -in.zero_point;
  d->output_zero_point = out.zero_point;
  const double twice_input_scale = 2.0 * static_cast<double>(in.scale);
  const double output_real =
      twice_input_scale / (static_cast<double>(1 << kLeftShift) * static_cast<double>(out.scale));
  if (!(output_real < 1.0)) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "output scale %.9f is too small for input scale %.9f (TFLite needs 2 x input "
                   "scale < 2^20 x output scale)",
                   static_cast<double>(out.scale), static_cast<double>(in.scale));
  }
  int shift = 0;
  quantize_multiplier(static_cast<double>(in.scale) / twice_input_scale, &d->input_multiplier,
                      &shift);
  d->input_shift = shift;
  quantize_multiplier(output_real, &d->output_multiplier, &shift);
  d->output_shift = shift;
  return Status::Ok();
}

// Calls step(index, is_first) for the elements of every line along the axis, first to last or
// last to first when reverse is set. Lines are independent, so their order does not matter.
template <typename Step>
void walk(const CumsumOpData& d, Step step) {
  const AxisSplit& s = d.split;
  for (int32_t o = 0; o < s.outer; ++o) {
    for (int32_t n = 0; n < s.inner; ++n) {
      for (int32_t i = 0; i < s.size; ++i) {
        const int32_t along = d.reverse ? s.size - 1 - i : i;
        step((o * s.size + along) * s.inner + n, i == 0);
      }
    }
  }
}

int32_t scale_input(const CumsumOpData& d, int32_t x) {
  return multiply_by_quantized_multiplier(x * (1 << kLeftShift), d.input_multiplier, d.input_shift);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<CumsumOpData> d(req, op_data);
  int32_t axis = 0;
  STRATA_RETURN_IF_ERROR(read_axis_split(ctx, &axis, &d->split));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  bool same_shape = out.rank == in.rank;
  for (int32_t i = 0; same_shape && i < in.rank; ++i) same_shape = out.dims[i] == in.dims[i];
  if (!same_shape) {
    return OpError(ctx, StatusCode::kMalformedModel, "output '%s' must have the input's shape",
                   out.name);
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_CumsumOptions() : nullptr;
  d->exclusive = o != nullptr && o->exclusive() ? 1 : 0;
  d->reverse = o != nullptr && o->reverse() ? 1 : 0;
  switch (in.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      return prepare_quantized(ctx, in, out, d.get());
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(in.type));
  }
}

void invoke_float32(const OpCall& call) {
  const CumsumOpData& d = call.data<CumsumOpData>();
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  float sum = 0.0f;
  walk(d, [&](int32_t index, bool first) {
    if (first) sum = 0.0f;
    if (d.exclusive) {
      output[index] = sum;
      sum += input[index];
    } else {
      sum += input[index];
      output[index] = sum;
    }
  });
}

void invoke_int8(const OpCall& call) {
  const CumsumOpData& d = call.data<CumsumOpData>();
  const int8_t* input = static_cast<const int8_t*>(call.input(0));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  const int32_t start = scale_input(d, d.input_offset);
  uint32_t sum = 0;  // TFLite's int32 sums wrap
  walk(d, [&](int32_t index, bool first) {
    if (first) sum = static_cast<uint32_t>(start);
    const uint32_t scaled = static_cast<uint32_t>(scale_input(d, d.input_offset + input[index]));
    if (!d.exclusive) sum += scaled;
    const int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(sum),
                                                       d.output_multiplier, d.output_shift) +
                      d.output_zero_point;
    if (d.exclusive) sum += scaled;
    output[index] = static_cast<int8_t>(clamp_i32(v, -128, 127));
  });
}

}  // namespace cumsum
}  // namespace reference
}  // namespace kernels
}  // namespace strata
