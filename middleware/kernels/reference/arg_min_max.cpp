// ARG_MAX and ARG_MIN: the index along one axis of the largest / smallest value, as TensorFlow Lite
// Micro computes it: float32 or int8 input (raw int8 values: the order does not depend on the
// quantization), int32 axis and int32 output (TFLM supports no other). The first extreme wins a
// tie, and a NaN is never taken over an earlier value (the comparisons are strict).
#include "common/axis_split.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct ArgOpData {
  AxisSplit split;
  int32_t reserved;
};
static_assert(sizeof(ArgOpData) == 16, "arena-resident layout");

Status check_output_shape(const OpContext& ctx, const TensorView& in, int32_t axis) {
  const TensorView& out = ctx.output(0);
  bool same = out.rank == in.rank - 1;
  for (int32_t i = 0; same && i < out.rank; ++i)
    same = out.dims[i] == in.dims[i < axis ? i : i + 1];
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' must have the input's shape without axis %d", out.name,
                   static_cast<int>(axis));
  }
  return Status::Ok();
}

Status prepare_arg(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<ArgOpData> d(req, op_data);
  int32_t axis = 0;
  STRATA_RETURN_IF_ERROR(read_axis_split(ctx, &axis, &d->split));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (d->split.size < 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d of input '%s' is empty",
                   static_cast<int>(axis), in.name);
  }
  STRATA_RETURN_IF_ERROR(check_output_shape(ctx, in, axis));
  // The output tensor's type decides, as in TFLM (ArgMaxOptions.output_type is not read).
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", DataType::kInt32));
  switch (in.type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      return Status::Ok();
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(in.type));
  }
}

template <typename T, bool kMax>
void arg_min_max(const OpCall& call) {
  const AxisSplit& s = call.data<ArgOpData>().split;
  const T* input = static_cast<const T*>(call.input(0));
  int32_t* output = static_cast<int32_t*>(call.output(0));
  for (int32_t o = 0; o < s.outer; ++o) {
    const T* slab = input + o * s.size * s.inner;
    for (int32_t n = 0; n < s.inner; ++n) {
      T best = slab[n];
      int32_t best_index = 0;
      for (int32_t i = 1; i < s.size; ++i) {
        const T v = slab[i * s.inner + n];
        if (kMax ? v > best : v < best) {
          best = v;
          best_index = i;
        }
      }
      *output++ = best_index;
    }
  }
}

}  // namespace

namespace arg_max {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_arg(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { arg_min_max<float, true>(call); }
void invoke_int8(const OpCall& call) { arg_min_max<int8_t, true>(call); }

}  // namespace arg_max

namespace arg_min {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_arg(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { arg_min_max<float, false>(call); }
void invoke_int8(const OpCall& call) { arg_min_max<int8_t, false>(call); }

}  // namespace arg_min

}  // namespace reference
}  // namespace kernels
}  // namespace strata
