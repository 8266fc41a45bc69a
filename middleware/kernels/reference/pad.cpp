// PAD and PADV2: the input copied into the middle of a larger output whose border holds one
// value: PADV2's scalar input 2 (read at invoke, as TFLM does), else zero: the output zero point
// for int8/uint8 (real 0), 0 otherwise. Paddings (input 1): constant int32 [rank, 2], before and
// after each dimension, as TFLM requires. Elements are copied by size, so one kernel serves every
// type: the border is a fill, the interior a strided copy (common/strided_copy.hpp).
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct PadOpData {
  StridedCopy interior;  // input -> its place in the output
  uint32_t out_elements;
  int32_t value_from_input;  // 1: the border value is input 2's element
  uint8_t pad_value[8];      // else this element
};

Status check_pad_value(const OpContext& ctx, const TensorView& in, const TensorView& value,
                       const TensorView& out) {
  STRATA_RETURN_IF_ERROR(check_type(ctx, value, "constant_values", in.type));
  if (value.elements != 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "constant_values must hold one value");
  }
  // The value is stored as is: it must be quantized like the output (TFLM's rule).
  if (in.type == DataType::kInt8 &&
      (value.scale != out.scale || value.zero_point != out.zero_point)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "constant_values must have the output's scale and zero point");
  }
  return Status::Ok();
}

Status pad_prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<PadOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 3));
  const TensorView& in = ctx.input(0);
  const TensorView& paddings = ctx.input(1);
  const TensorView& value = ctx.input(2);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, paddings, "paddings", DataType::kInt32));
  if (!paddings.is_constant || paddings.data == nullptr) {
    return OpError(ctx, StatusCode::kUnsupported, "paddings must be constant");
  }
  if (in.rank < 1 || in.rank > kMaxCopyDims || out.rank != in.rank ||
      paddings.elements != static_cast<uint32_t>(2 * in.rank)) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "needs a rank 1..%d input, an output of that rank and [rank, 2] paddings",
                   static_cast<int>(kMaxCopyDims));
  }
  const int32_t* pads = paddings.int32_data();
  int32_t before[kMaxCopyDims];
  for (int32_t i = 0; i < in.rank; ++i) {
    const int32_t lo = pads[2 * i];
    const int32_t hi = pads[2 * i + 1];
    // 64-bit sum: paddings near 2^31 must not wrap into a matching size.
    if (lo < 0 || hi < 0 || int64_t{out.dims[i]} != int64_t{in.dims[i]} + lo + hi) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "output dimension %d is %d, input %d padded by %d and %d", static_cast<int>(i),
                     static_cast<int>(out.dims[i]), static_cast<int>(in.dims[i]),
                     static_cast<int>(lo), static_cast<int>(hi));
    }
    before[i] = lo;
  }
  make_scatter(out.dims, before, in.dims, in.rank, &d->interior);
  d->interior.elem_bytes = DataTypeSize(in.type);
  d->out_elements = out.elements;
  if (value.present()) {
    STRATA_RETURN_IF_ERROR(check_pad_value(ctx, in, value, out));
    d->value_from_input = 1;
  } else if (in.type == DataType::kInt8 || in.type == DataType::kUInt8) {
    STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
    d->pad_value[0] = static_cast<uint8_t>(out.zero_point);
  }
  req->variant = Variant::kAny;
  return check_strided_copy(ctx, d->interior, in.elements, out.elements);
}

void pad_invoke(const OpCall& call) {
  const PadOpData& d = call.data<PadOpData>();
  const void* value = d.value_from_input ? call.input(2) : d.pad_value;
  fill_elements(call.output(0), d.out_elements, value, d.interior.elem_bytes);
  strided_copy(d.interior, call.input(0), call.output(0));
}

}  // namespace

namespace pad {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return pad_prepare(ctx, req, op_data);
}

void invoke_any(const OpCall& call) { pad_invoke(call); }

}  // namespace pad

namespace padv2 {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return pad_prepare(ctx, req, op_data);
}

void invoke_any(const OpCall& call) { pad_invoke(call); }

}  // namespace padv2
}  // namespace reference
}  // namespace kernels
}  // namespace strata
