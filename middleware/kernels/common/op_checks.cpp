#include "common/op_checks.hpp"

namespace strata {
namespace kernels {

Status check_arity(const OpContext& ctx, uint32_t min_in, uint32_t max_in) {
  if (ctx.num_inputs < min_in || ctx.num_inputs > max_in) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects %u to %u inputs, has %u",
                   static_cast<unsigned>(min_in), static_cast<unsigned>(max_in),
                   static_cast<unsigned>(ctx.num_inputs));
  }
  if (ctx.num_outputs != 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects 1 output, has %u",
                   static_cast<unsigned>(ctx.num_outputs));
  }
  if (!ctx.input(0).present() || !ctx.output(0).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "input 0 and output 0 are required");
  }
  return Status::Ok();
}

Status check_type(const OpContext& ctx, const TensorView& t, const char* role, DataType type) {
  if (t.type != type) {
    return OpError(ctx, StatusCode::kUnsupported, "%s '%s' is %s, expected %s", role, t.name,
                   DataTypeName(t.type), DataTypeName(type));
  }
  return Status::Ok();
}

Status check_int8_quantized(const OpContext& ctx, const TensorView& t, const char* role) {
  STRATA_RETURN_IF_ERROR(check_type(ctx, t, role, DataType::kInt8));
  return check_quantized(ctx, t, role);
}

Status check_quantized(const OpContext& ctx, const TensorView& t, const char* role) {
  if (t.num_quant == 0 || !(t.scale > 0.0f) || !(t.scale < 3.4e38f)) {
    return OpError(ctx, StatusCode::kMalformedModel, "%s '%s' has no valid quantization scale",
                   role, t.name);
  }
  int32_t lo = 0;
  int32_t hi = 0;
  switch (t.type) {
    case DataType::kInt8:
      lo = -128;
      hi = 127;
      break;
    case DataType::kUInt8:
      hi = 255;
      break;
    case DataType::kInt16:  // zero point 0 only
      break;
    case DataType::kInt32:  // requantization inputs and outputs (QUANTIZE)
      lo = INT32_MIN;
      hi = INT32_MAX;
      break;
    default:
      return OpError(ctx, StatusCode::kUnsupported, "%s '%s': %s is not a quantized type", role,
                     t.name, DataTypeName(t.type));
  }
  if (t.zero_point < lo || t.zero_point > hi) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "%s '%s' (%s) has zero point %d, expected %d..%d", role, t.name,
                   DataTypeName(t.type), static_cast<int>(t.zero_point), static_cast<int>(lo),
                   static_cast<int>(hi));
  }
  return Status::Ok();
}

Status check_unquantized(const OpContext& ctx, const TensorView& t, const char* role) {
  if (t.num_quant != 0) {
    return OpError(ctx, StatusCode::kUnsupported, "%s '%s' (%s) must not be quantized", role,
                   t.name, DataTypeName(t.type));
  }
  return Status::Ok();
}

Status get_dims4(const OpContext& ctx, const TensorView& t, const char* role, Dims4* d) {
  if (t.rank != 4) {
    return OpError(ctx, StatusCode::kUnsupported, "%s '%s' has rank %d, expected 4", role, t.name,
                   static_cast<int>(t.rank));
  }
  *d = {t.dims[0], t.dims[1], t.dims[2], t.dims[3]};
  return Status::Ok();
}

Status check_dims4(const OpContext& ctx, const TensorView& t, const char* role, const Dims4& d) {
  Dims4 got{};
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, t, role, &got));
  if (got.n != d.n || got.h != d.h || got.w != d.w || got.c != d.c) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "%s '%s' has shape [%d,%d,%d,%d], expected [%d,%d,%d,%d]", role, t.name,
                   static_cast<int>(got.n), static_cast<int>(got.h), static_cast<int>(got.w),
                   static_cast<int>(got.c), static_cast<int>(d.n), static_cast<int>(d.h),
                   static_cast<int>(d.w), static_cast<int>(d.c));
  }
  return Status::Ok();
}

Status check_matrix(const OpContext& ctx, const TensorView& t, const char* role, int32_t rows,
                    int32_t cols) {
  if (t.rank != 2 || t.dims[0] != rows || t.dims[1] != cols) {
    return OpError(ctx, StatusCode::kMalformedModel, "%s '%s' must have shape [%d,%d]", role,
                   t.name, static_cast<int>(rows), static_cast<int>(cols));
  }
  return Status::Ok();
}

Status require_size(const OpContext& ctx, CheckedSize size, const char* what, uint32_t* out) {
  if (!size.ok()) {
    return OpError(ctx, StatusCode::kUnsupported, "%s exceeds %u bytes", what,
                   static_cast<unsigned>(kMaxBytes));
  }
  *out = size.value();
  return Status::Ok();
}

uint32_t elementwise_inplace_lead(uint32_t elements, uint32_t in_elem_bytes,
                                  uint32_t out_elem_bytes) {
  const int32_t n = static_cast<int32_t>(elements);
  const WindowGeometry g = {1, 1, n, 1, n, 1, 1, 0, 0, in_elem_bytes, out_elem_bytes};
  return WindowInplaceLead(g);
}

Status check_same_size(const OpContext& ctx, const TensorView& a, const TensorView& b) {
  if (a.elements != b.elements) {
    return OpError(ctx, StatusCode::kMalformedModel, "'%s' has %u elements but '%s' has %u", a.name,
                   static_cast<unsigned>(a.elements), b.name, static_cast<unsigned>(b.elements));
  }
  return Status::Ok();
}

Status check_same_shape(const OpContext& ctx, const TensorView& a, const TensorView& b) {
  bool same = a.rank == b.rank;
  for (int32_t i = 0; same && i < a.rank; ++i) same = a.dims[i] == b.dims[i];
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel, "'%s' and '%s' must have the same shape",
                   a.name, b.name);
  }
  return Status::Ok();
}

Status check_elementwise(const OpContext& ctx, OpRequirements* req) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.output(0), "output", in.type));
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, ctx.output(0)));
  const uint32_t size = DataTypeSize(in.type);
  req->inplace_lead_bytes = static_cast<int32_t>(elementwise_inplace_lead(in.elements, size, size));
  return Status::Ok();
}

Status check_float32_or_int8_elementwise(const OpContext& ctx, OpRequirements* req) {
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  req->variant = variant_of(in.type);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (in.type != DataType::kInt8) return unsupported_input_type(ctx, "float32, int8");
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, in, "input"));
  return check_quantized(ctx, ctx.output(0), "output");
}

Variant variant_of(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return Variant::kFloat32;
    case DataType::kInt8:
      return Variant::kInt8;
    case DataType::kInt16:
      return Variant::kInt16;
    case DataType::kInt32:
      return Variant::kInt32;
    case DataType::kInt64:
      return Variant::kInt64;
    case DataType::kUInt8:
      return Variant::kUInt8;
    case DataType::kBool:
      return Variant::kBool;
    case DataType::kFloat16:
      return Variant::kFloat16;
    case DataType::kUInt32:
      return Variant::kUInt32;
    default:
      return Variant::kNone;
  }
}

Status unsupported_input_type(const OpContext& ctx, const char* supported) {
  return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported (%s)",
                 DataTypeName(ctx.input(0).type), supported);
}

}  // namespace kernels
}  // namespace strata
