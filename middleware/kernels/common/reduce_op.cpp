#include "common/reduce_op.hpp"

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

// Two boxes of at most 4 dims each hold any alternation of kept and reduced runs of 8 dims.
constexpr int32_t kMaxReduceRank = 2 * kMaxReduceBoxRank;

// Marks the dims named by the constant axis tensor (negative values count from the end).
Status read_axes(const OpContext& ctx, const TensorView& in, bool* reduced) {
  const TensorView& axes = ctx.input(1);
  STRATA_RETURN_IF_ERROR(check_type(ctx, axes, "axis", DataType::kInt32));
  if (!axes.is_constant || axes.data == nullptr) {
    return OpError(ctx, StatusCode::kUnsupported, "axis '%s' must be a constant tensor", axes.name);
  }
  for (int32_t i = 0; i < in.rank; ++i) reduced[i] = false;
  if (in.rank == 0) return Status::Ok();  // a scalar: nothing to reduce, whatever the axes say
  const int32_t* values = axes.int32_data();
  for (uint32_t i = 0; i < axes.elements; ++i) {
    const int32_t a = values[i] < 0 ? values[i] + in.rank : values[i];
    if (a < 0 || a >= in.rank) {
      return OpError(ctx, StatusCode::kMalformedModel, "axis %d is out of range for rank %d",
                     static_cast<int>(values[i]), static_cast<int>(in.rank));
    }
    reduced[a] = true;
  }
  return Status::Ok();
}

void reverse(OffsetBox* box) {
  for (int32_t a = 0, b = box->rank - 1; a < b; ++a, --b) {
    const int32_t dim = box->dims[a];
    const int32_t stride = box->strides[a];
    box->dims[a] = box->dims[b];
    box->strides[a] = box->strides[b];
    box->dims[b] = dim;
    box->strides[b] = stride;
  }
}

Status check_output_shape(const OpContext& ctx, const TensorView& in, const bool* reduced,
                          bool keep_dims) {
  const TensorView& out = ctx.output(0);
  int32_t expected[kMaxReduceRank];
  int32_t rank = 0;
  for (int32_t i = 0; i < in.rank; ++i) {
    if (!reduced[i]) {
      expected[rank++] = in.dims[i];
    } else if (keep_dims) {
      expected[rank++] = 1;
    }
  }
  if (out.rank != rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' has rank %d, the reduction gives rank %d (keep_dims %s)", out.name,
                   static_cast<int>(out.rank), static_cast<int>(rank),
                   keep_dims ? "true" : "false");
  }
  for (int32_t i = 0; i < rank; ++i) {
    if (out.dims[i] != expected[i]) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "output '%s' dim %d is %d, the reduction gives %d (keep_dims %s)", out.name,
                     static_cast<int>(i), static_cast<int>(out.dims[i]),
                     static_cast<int>(expected[i]), keep_dims ? "true" : "false");
    }
  }
  return Status::Ok();
}

}  // namespace

Status reduce_prepare_shape(const OpContext& ctx, ReduceShape* s) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  if (in.rank > kMaxReduceRank) {
    return OpError(ctx, StatusCode::kUnsupported, "input '%s' has rank %d, at most %d is supported",
                   in.name, static_cast<int>(in.rank), static_cast<int>(kMaxReduceRank));
  }
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_ReducerOptions() : nullptr;
  const bool keep_dims = o != nullptr && o->keep_dims();  // TFLite's default without options
  bool reduced[kMaxReduceRank];
  STRATA_RETURN_IF_ERROR(read_axes(ctx, in, reduced));
  STRATA_RETURN_IF_ERROR(check_output_shape(ctx, in, reduced, keep_dims));

  *s = ReduceShape{};
  CheckedSize out_count(1);
  CheckedSize reduce_count(1);
  for (int32_t i = 0; i < in.rank; ++i) (reduced[i] ? reduce_count : out_count) *= in.dims[i];
  if (!out_count.ok() || !reduce_count.ok()) {
    return OpError(ctx, StatusCode::kUnsupported, "input '%s' is too large", in.name);
  }
  s->out_count = static_cast<int32_t>(out_count.value());
  s->reduce_count = static_cast<int32_t>(reduce_count.value());
  if (s->out_count == 0 || s->reduce_count == 0) {  // an empty box: nothing to visit
    OffsetBox& empty = s->out_count == 0 ? s->kept : s->reduced;
    empty.rank = 1;
    empty.dims[0] = 0;
    return Status::Ok();
  }
  // Walk from the last dim, merging each dim into the previous box entry when the dim walked
  // before it (dims of extent 1 do not count) was of the same kind: together they are one run of
  // offsets. Kinds then alternate, so each box gets at most 4 entries. Every product divides
  // in.elements (no dim is 0), so none can overflow.
  int32_t stride = 1;
  int last_kind = -1;
  for (int32_t i = in.rank - 1; i >= 0; --i) {
    const int32_t extent = in.dims[i];
    if (extent != 1) {
      OffsetBox& box = reduced[i] ? s->reduced : s->kept;
      if (last_kind == static_cast<int>(reduced[i])) {
        box.dims[box.rank - 1] *= extent;
      } else {
        box.dims[box.rank] = extent;
        box.strides[box.rank] = stride;
        ++box.rank;
      }
      last_kind = static_cast<int>(reduced[i]);
    }
    stride *= extent;
  }
  reverse(&s->kept);  // built innermost first: put them row-major
  reverse(&s->reduced);
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
