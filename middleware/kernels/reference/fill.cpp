// FILL: every element of the output is the scalar `value` (input 1). The output's shape is the
// model's; a constant `dims` input (0) must agree with it, as TFLM checks. Elements are copied
// by size, so one kernel serves every type.
#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace fill {
namespace {

struct FillOpData {
  uint32_t count;
  uint32_t elem_bytes;
};

// The constant dims tensor, of any integer type, equals the output's shape.
bool dims_match(const TensorView& dims, const TensorView& out) {
  if (dims.rank != 1 || dims.dims[0] != out.rank) return false;
  for (int32_t i = 0; i < out.rank; ++i) {
    int64_t v = 0;
    switch (dims.type) {
      case DataType::kInt32:
        v = static_cast<const int32_t*>(dims.data)[i];
        break;
      case DataType::kInt64:
        v = static_cast<const int64_t*>(dims.data)[i];
        break;
      case DataType::kInt16:
        v = static_cast<const int16_t*>(dims.data)[i];
        break;
      case DataType::kInt8:
        v = static_cast<const int8_t*>(dims.data)[i];
        break;
      default:
        return false;
    }
    if (v != out.dims[i]) return false;
  }
  return true;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<FillOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& dims = ctx.input(0);
  const TensorView& value = ctx.input(1);
  const TensorView& out = ctx.output(0);
  if (!value.present() || value.rank != 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "value must be a scalar");
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", value.type));
  if (dims.is_constant && dims.data != nullptr && !dims_match(dims, out)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "dims '%s' (%s) does not hold the output's rank-%d shape", dims.name,
                   DataTypeName(dims.type), static_cast<int>(out.rank));
  }
  req->variant = Variant::kAny;
  d->count = out.elements;
  d->elem_bytes = DataTypeSize(out.type);
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const FillOpData& d = call.data<FillOpData>();
  fill_elements(call.output(0), d.count, call.input(1), d.elem_bytes);
}

}  // namespace fill
}  // namespace reference
}  // namespace kernels
}  // namespace strata
