// PACK: values_count inputs of one shape stacked along a new `axis` of the output. The copy is
// CONCATENATION's (reference/concatenation.hpp) with every input contributing one slice.
#include "common/op_checks.hpp"
#include "reference/concatenation.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace pack {
namespace {

constexpr uint32_t kMaxInputs = 16;  // the interpreter's limit

struct PackOpData {
  int32_t num_inputs;
  int32_t outer;        // product of the input dimensions before the axis
  uint32_t slab_bytes;  // bytes of each input per outer step
  uint32_t reserved;
};

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<PackOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, kMaxInputs));
  const TensorView& first = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_PackOptions() : nullptr;
  if (o == nullptr) return OpError(ctx, StatusCode::kMalformedModel, "missing options");
  if (o->values_count() != static_cast<int32_t>(ctx.num_inputs)) {
    return OpError(ctx, StatusCode::kMalformedModel, "values_count %d but %u inputs",
                   static_cast<int>(o->values_count()), static_cast<unsigned>(ctx.num_inputs));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", first.type));
  const int32_t axis = o->axis() < 0 ? o->axis() + out.rank : o->axis();
  bool same = axis >= 0 && axis < out.rank && out.rank == first.rank + 1 &&
              out.dims[axis] == static_cast<int32_t>(ctx.num_inputs);
  for (int32_t i = 0, j = 0; same && i < out.rank; ++i) {
    if (i != axis) same = out.dims[i] == first.dims[j++];
  }
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape is not the inputs' with %u stacked along axis %d",
                   static_cast<unsigned>(ctx.num_inputs), static_cast<int>(o->axis()));
  }
  for (uint32_t k = 1; k < ctx.num_inputs; ++k) {
    const TensorView& in = ctx.input(k);
    STRATA_RETURN_IF_ERROR(check_type(ctx, in, "input", first.type));
    bool equal = in.rank == first.rank;
    for (int32_t i = 0; equal && i < in.rank; ++i) equal = in.dims[i] == first.dims[i];
    if (!equal) {
      return OpError(ctx, StatusCode::kMalformedModel, "input %u shape differs from input 0",
                     static_cast<unsigned>(k));
    }
  }
  CheckedSize slab(DataTypeSize(first.type));
  for (int32_t i = axis; i < first.rank; ++i) slab *= first.dims[i];
  STRATA_RETURN_IF_ERROR(require_size(ctx, slab, "an input slab", &d->slab_bytes));
  d->num_inputs = static_cast<int32_t>(ctx.num_inputs);
  d->outer = 1;
  for (int32_t i = 0; i < axis; ++i) d->outer *= first.dims[i];
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const PackOpData& d = call.data<PackOpData>();
  const void* inputs[kMaxInputs];
  uint32_t slabs[kMaxInputs];
  for (int32_t k = 0; k < d.num_inputs; ++k) {
    inputs[k] = call.input(static_cast<uint32_t>(k));
    slabs[k] = d.slab_bytes;
  }
  concatenate(d.num_inputs, inputs, slabs, d.outer, call.output(0));
}

}  // namespace pack
}  // namespace reference
}  // namespace kernels
}  // namespace strata
