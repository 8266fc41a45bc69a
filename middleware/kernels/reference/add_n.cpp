// ADD_N: the element-wise sum of two or more tensors of one shape. float32 sums in input order;
// int8 as TFLite does: every input (all of one quantization) rescaled to twice its scale after a
// 20-bit left shift, summed, requantized to the output. TFLite starts that sum from the rescaled
// input offset (-zero point) rather than from 0; the bias is kept for bit-exactness.
#include "common/arithmetic_params.hpp"
#include "common/op_checks.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace add_n {
namespace {

struct AddNOpData {
  ArithmeticParams params;  // input1_*: every input's rescaling
  int32_t count;
  int32_t reserved;
};
static_assert(sizeof(AddNOpData) == 56, "arena-resident layout");

Status check_int8(const OpContext& ctx, AddNOpData* d) {
  const TensorView& first = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, first, "input 0"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  for (uint32_t i = 1; i < ctx.num_inputs; ++i) {
    const TensorView& in = ctx.input(i);
    if (in.num_quant == 0 || in.scale != first.scale || in.zero_point != first.zero_point) {
      return OpError(ctx, StatusCode::kUnsupported, "input '%s' must have the quantization of '%s'",
                     in.name, first.name);
    }
  }
  ArithmeticParams& p = d->params;
  p = ArithmeticParams{};
  QuantRange range;
  activation_range_quantized(FusedActivation::kNone, out.scale, out.zero_point, -128, 127, &range);
  p.input1_offset = -first.zero_point;
  p.output_offset = out.zero_point;
  p.left_shift = 20;
  p.act_min = range.min;
  p.act_max = range.max;
  const double twice_scale = 2.0 * static_cast<double>(first.scale);
  int shift = 0;
  quantize_multiplier(static_cast<double>(first.scale) / twice_scale, &p.input1_multiplier, &shift);
  p.input1_shift = static_cast<int8_t>(shift);
  quantize_multiplier(twice_scale / ((1 << p.left_shift) * static_cast<double>(out.scale)),
                      &p.output_multiplier, &shift);
  p.output_shift = static_cast<int8_t>(shift);
  if (shift > 0) {  // TFLite requires the output multiplier below 1
    return OpError(ctx, StatusCode::kUnsupported, "output scale too small for the input scale");
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<AddNOpData> d(req, op_data);
  if (ctx.num_inputs < 2) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects 2 or more inputs, has %u",
                   static_cast<unsigned>(ctx.num_inputs));
  }
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, ctx.num_inputs));
  const TensorView& first = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", first.type));
  for (uint32_t i = 0; i <= ctx.num_inputs; ++i) {
    const TensorView& t = i < ctx.num_inputs ? ctx.input(i) : out;
    if (!t.present()) {
      return OpError(ctx, StatusCode::kMalformedModel, "input %u is absent",
                     static_cast<unsigned>(i));
    }
    STRATA_RETURN_IF_ERROR(check_type(ctx, t, "operand", first.type));
    bool same_shape = t.rank == first.rank;
    for (int32_t k = 0; same_shape && k < t.rank; ++k) same_shape = t.dims[k] == first.dims[k];
    if (!same_shape) {
      return OpError(ctx, StatusCode::kMalformedModel, "'%s' does not have the shape of '%s'",
                     t.name, first.name);
    }
  }
  d->count = static_cast<int32_t>(first.elements);
  req->inplace_lead_bytes = static_cast<int32_t>(
      elementwise_inplace_lead(first.elements, DataTypeSize(first.type), DataTypeSize(out.type)));
  switch (first.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      return check_int8(ctx, d.get());
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(first.type));
  }
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<AddNOpData>().count;
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) {
    float sum = 0.0f;
    for (uint32_t k = 0; k < call.num_inputs; ++k)
      sum += static_cast<const float*>(call.input(k))[i];
    output[i] = sum;
  }
}

void invoke_int8(const OpCall& call) {
  const AddNOpData& d = call.data<AddNOpData>();
  const ArithmeticParams& p = d.params;
  int8_t* output = static_cast<int8_t*>(call.output(0));
  // Every input has input 1's parameters.
  auto rescale = [&p](int32_t v) {
    return rescale_input(v, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
  };
  const int32_t bias = rescale(0);
  for (int32_t i = 0; i < d.count; ++i) {
    int32_t sum = bias;
    for (uint32_t k = 0; k < call.num_inputs; ++k) {
      sum += rescale(static_cast<const int8_t*>(call.input(k))[i]);
    }
    output[i] = static_cast<int8_t>(requantize_output(sum, p));
  }
}

}  // namespace add_n
}  // namespace reference
}  // namespace kernels
}  // namespace strata
