// SPLIT: input 1 cut into num_splits equal pieces along the constant axis (input 0), as TFLM
// requires; shares its copy with SPLIT_V and UNPACK (reference/split.hpp).
#include "reference/split.hpp"

#include <cstring>

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace {

constexpr uint32_t kMaxOutputs = 8;  // the interpreter's limit

struct SplitOpData {
  int32_t num_outputs;
  int32_t outer;                     // product of the dimensions before the axis
  uint32_t slab_bytes[kMaxOutputs];  // bytes of output k per outer step
};

}  // namespace

Status split_prepare(const OpContext& ctx, uint32_t input_index, int32_t axis, bool drop_axis,
                     OpRequirements* req, void* op_data) {
  OpDataRef<SplitOpData> d(req, op_data);
  const TensorView& in = ctx.input(input_index);
  if (ctx.num_outputs < 1 || ctx.num_outputs > kMaxOutputs) {
    return OpError(ctx, StatusCode::kUnsupported, "has %u outputs, 1..%u supported",
                   static_cast<unsigned>(ctx.num_outputs), static_cast<unsigned>(kMaxOutputs));
  }
  CheckedSize inner(DataTypeSize(in.type));
  for (int32_t i = axis + 1; i < in.rank; ++i) inner *= in.dims[i];
  CheckedSize total(0);
  for (uint32_t k = 0; k < ctx.num_outputs; ++k) {
    const TensorView& out = ctx.output(k);
    if (!out.present()) {
      return OpError(ctx, StatusCode::kMalformedModel, "output %u is absent",
                     static_cast<unsigned>(k));
    }
    STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
    bool same = out.rank == (drop_axis ? in.rank - 1 : in.rank);
    for (int32_t i = 0, j = 0; same && i < in.rank; ++i) {
      if (i == axis && drop_axis) continue;
      same = i == axis || out.dims[j] == in.dims[i];
      ++j;
    }
    if (!same) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "output %u shape does not match the input cut along axis %d",
                     static_cast<unsigned>(k), static_cast<int>(axis));
    }
    const int32_t size = drop_axis ? 1 : out.dims[axis];
    total += size;
    STRATA_RETURN_IF_ERROR(require_size(ctx, inner * size, "an output slab", &d->slab_bytes[k]));
  }
  if (!total.ok() || total.value() != static_cast<uint32_t>(in.dims[axis])) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "outputs hold a different length than the input's %d along axis %d",
                   static_cast<int>(in.dims[axis]), static_cast<int>(axis));
  }
  d->num_outputs = static_cast<int32_t>(ctx.num_outputs);
  d->outer = 1;
  for (int32_t i = 0; i < axis; ++i) d->outer *= in.dims[i];
  req->variant = Variant::kAny;
  return Status::Ok();
}

void split_invoke(const OpCall& call, uint32_t input_index) {
  const SplitOpData& d = call.data<SplitOpData>();
  const uint8_t* src = static_cast<const uint8_t*>(call.input(input_index));
  for (int32_t o = 0; o < d.outer; ++o) {
    for (int32_t k = 0; k < d.num_outputs; ++k) {
      const uint32_t n = d.slab_bytes[k];
      std::memcpy(static_cast<uint8_t*>(call.output(static_cast<uint32_t>(k))) + o * n, src, n);
      src += n;
    }
  }
}

Status constant_axis(const OpContext& ctx, const TensorView& axis, int32_t rank, int32_t* out) {
  STRATA_RETURN_IF_ERROR(check_type(ctx, axis, "axis", DataType::kInt32));
  if (!axis.is_constant || axis.data == nullptr || axis.elements != 1) {
    return OpError(ctx, StatusCode::kUnsupported, "axis must be one constant value");
  }
  const int32_t raw = axis.int32_data()[0];
  *out = raw < 0 ? raw + rank : raw;
  if (*out < 0 || *out >= rank) {
    return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                   static_cast<int>(raw), static_cast<int>(rank));
  }
  return Status::Ok();
}

namespace split {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  if (ctx.num_inputs != 2 || !ctx.input(0).present() || !ctx.input(1).present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "expects inputs axis and input");
  }
  const TensorView& in = ctx.input(1);
  int32_t axis = 0;
  STRATA_RETURN_IF_ERROR(constant_axis(ctx, ctx.input(0), in.rank, &axis));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SplitOptions() : nullptr;
  if (o != nullptr && o->num_splits() != static_cast<int32_t>(ctx.num_outputs)) {
    return OpError(ctx, StatusCode::kMalformedModel, "num_splits %d but %u outputs",
                   static_cast<int>(o->num_splits()), static_cast<unsigned>(ctx.num_outputs));
  }
  STRATA_RETURN_IF_ERROR(split_prepare(ctx, 1, axis, false, req, op_data));
  for (uint32_t k = 1; k < ctx.num_outputs; ++k) {
    if (ctx.output(k).dims[axis] != ctx.output(0).dims[axis]) {
      return OpError(ctx, StatusCode::kMalformedModel, "outputs must be equal pieces");
    }
  }
  return Status::Ok();
}

void invoke_any(const OpCall& call) { split_invoke(call, 1); }

}  // namespace split
}  // namespace reference
}  // namespace kernels
}  // namespace strata
