// BROADCAST_ARGS: the broadcast shape of two shapes given as int32 or int64 vectors, aligned at
// their last element (a missing leading dimension counts as 1). TFLite stops with a check failure
// when two dimensions differ and neither is 1; here, as that check would otherwise let through,
// the first shape's dimension is written.
#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace broadcast_args {
namespace {

struct BroadcastArgsOpData {
  int32_t length1;
  int32_t length2;
  int32_t output_length;
  int32_t reserved;
};

// Element i counted from the end of a shape vector; 1 before its start. memcpy: a constant
// int64 vector may be only 4-byte aligned in the model file.
template <typename T>
T dim_from_end(const void* shape, int32_t length, int32_t i) {
  if (i >= length) return 1;
  T v;
  std::memcpy(&v, static_cast<const uint8_t*>(shape) + sizeof(T) * (length - 1 - i), sizeof v);
  return v;
}

template <typename T>
void broadcast_args(const OpCall& call) {
  const BroadcastArgsOpData& d = call.data<BroadcastArgsOpData>();
  T* out = static_cast<T*>(call.output(0));
  for (int32_t i = 0; i < d.output_length; ++i) {
    const T a = dim_from_end<T>(call.input(0), d.length1, i);
    const T b = dim_from_end<T>(call.input(1), d.length2, i);
    out[d.output_length - 1 - i] = a == 1 ? b : a;
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<BroadcastArgsOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& a = ctx.input(0);
  const TensorView& b = ctx.input(1);
  const TensorView& out = ctx.output(0);
  if (!b.present()) return OpError(ctx, StatusCode::kMalformedModel, "input 1 is required");
  if (a.type != DataType::kInt32 && a.type != DataType::kInt64) {
    return OpError(ctx, StatusCode::kUnsupported, "input '%s' is %s, expected int32 or int64",
                   a.name, DataTypeName(a.type));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, b, "input 1", a.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", a.type));
  if (a.rank != 1 || b.rank != 1 || out.rank != 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "inputs and output must be vectors");
  }
  const int32_t longer = a.dims[0] > b.dims[0] ? a.dims[0] : b.dims[0];
  if (out.dims[0] != longer) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' has %d elements, the longer shape %d", out.name,
                   static_cast<int>(out.dims[0]), static_cast<int>(longer));
  }
  d->length1 = a.dims[0];
  d->length2 = b.dims[0];
  d->output_length = out.dims[0];
  req->variant = variant_of(a.type);
  return Status::Ok();
}

void invoke_int32(const OpCall& call) { broadcast_args<int32_t>(call); }
void invoke_int64(const OpCall& call) { broadcast_args<int64_t>(call); }

}  // namespace broadcast_args
}  // namespace reference
}  // namespace kernels
}  // namespace strata
