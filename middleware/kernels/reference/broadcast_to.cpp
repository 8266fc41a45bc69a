// BROADCAST_TO: repeats the input along the dimensions where it has 1 (or lacks them) to the shape
// given by input 1, a constant int32 or int64 vector. Any element type: elements are copied as
// stored.
#include <cstring>

#include "common/broadcast.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace broadcast_to {
namespace {

struct BroadcastToOpData {
  BroadcastPlan plan;
  int32_t element_bytes;
  int32_t reserved;
};
static_assert(sizeof(BroadcastToOpData) == 112, "arena-resident layout");

template <typename T>
void copy(const BroadcastPlan& plan, const void* input, void* output) {
  const T* in = static_cast<const T*>(input);
  T* out = static_cast<T*>(output);
  broadcast_for_each(plan, [=](int32_t o, int32_t i, int32_t, int32_t) { out[o] = in[i]; });
}

// The output's dimensions must be the constant shape's values.
Status check_shape_input(const OpContext& ctx) {
  const TensorView& shape = ctx.input(1);
  const TensorView& out = ctx.output(0);
  if (shape.type != DataType::kInt32 && shape.type != DataType::kInt64) {
    return OpError(ctx, StatusCode::kUnsupported, "shape '%s' is %s, expected int32 or int64",
                   shape.name, DataTypeName(shape.type));
  }
  if (!shape.is_constant || shape.data == nullptr) {
    return OpError(ctx, StatusCode::kUnsupported, "shape '%s' must be a constant", shape.name);
  }
  if (shape.rank != 1 || shape.elements != static_cast<uint32_t>(out.rank)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "shape '%s' must be a vector of the output's %d dimensions", shape.name,
                   static_cast<int>(out.rank));
  }
  for (int32_t i = 0; i < out.rank; ++i) {
    // memcpy: int64 constants may be only 4-byte aligned in the model file.
    int64_t want = 0;
    if (shape.type == DataType::kInt32) {
      int32_t v = 0;
      std::memcpy(&v, static_cast<const uint8_t*>(shape.data) + 4u * i, sizeof v);
      want = v;
    } else {
      std::memcpy(&want, static_cast<const uint8_t*>(shape.data) + 8u * i, sizeof want);
    }
    if (want != out.dims[i]) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "output '%s' dimension %d is %d, the shape input says %lld", out.name,
                     static_cast<int>(i), static_cast<int>(out.dims[i]),
                     static_cast<long long>(want));
    }
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<BroadcastToOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (!ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "input 1 (the shape) is required");
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const uint32_t element_bytes = DataTypeSize(in.type);
  if (element_bytes != 1 && element_bytes != 2 && element_bytes != 4 && element_bytes != 8) {
    return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                   DataTypeName(in.type));
  }
  STRATA_RETURN_IF_ERROR(check_shape_input(ctx));
  const TensorView* operands[1] = {&in};
  STRATA_RETURN_IF_ERROR(
      plan_broadcast(ctx, operands, 1, out, BroadcastOutput::kGivenShape, &d->plan));
  d->element_bytes = static_cast<int32_t>(element_bytes);
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const BroadcastToOpData& d = call.data<BroadcastToOpData>();
  switch (d.element_bytes) {
    case 1:
      copy<uint8_t>(d.plan, call.input(0), call.output(0));
      break;
    case 2:
      copy<uint16_t>(d.plan, call.input(0), call.output(0));
      break;
    case 4:
      copy<uint32_t>(d.plan, call.input(0), call.output(0));
      break;
    default:
      copy<uint64_t>(d.plan, call.input(0), call.output(0));
      break;
  }
}

}  // namespace broadcast_to
}  // namespace reference
}  // namespace kernels
}  // namespace strata
