// MIRROR_PAD: pads each dimension with a mirror image of the input's edge: REFLECT leaves the
// edge element out (a b c -> c b | a b c | b a), SYMMETRIC repeats it (b a | a b c | c b).
// Paddings (input 1, int32 or int64, [rank, 2]) are read at invoke as TFLM does; constant ones are
// checked at prepare, and at invoke every mapped index is clamped into the input. Each output
// element is one input element copied by size, so one kernel serves every type.
#include <cstring>

#include "common/op_checks.hpp"
#include "common/strided_copy.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace mirror_pad {
namespace {

struct MirrorPadOpData {
  int32_t rank;
  int32_t offset;  // 1: REFLECT, 0: SYMMETRIC
  uint32_t elem_bytes;
  int32_t pads_int64;
  int32_t in_dims[kMaxCopyDims];
  int32_t out_dims[kMaxCopyDims];
};

int64_t pad_at(const void* pads, bool int64, int32_t i) {
  return int64 ? static_cast<const int64_t*>(pads)[i] : static_cast<const int32_t*>(pads)[i];
}

// The input index that output index p of a dimension of n input elements (n >= 1) with `before`
// elements of padding copies.
int32_t source_index(int32_t p, int64_t before, int32_t n, int32_t offset) {
  int64_t r = 0;
  if (p < before) {
    r = before + offset - 1 - p;  // mirrored left of the input
  } else if (p - before < n) {
    r = p - before;
  } else {
    r = int64_t{n} - 1 - offset - (p - before - n);  // mirrored right of it
  }
  return static_cast<int32_t>(r < 0 ? 0 : r >= n ? n - 1 : r);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<MirrorPadOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& pads = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_MirrorPadOptions() : nullptr;
  d->offset = o != nullptr && o->mode() == tflite::MirrorPadMode_SYMMETRIC ? 0 : 1;
  if (pads.type != DataType::kInt32 && pads.type != DataType::kInt64) {
    return OpError(ctx, StatusCode::kUnsupported, "paddings are %s, expected int32 or int64",
                   DataTypeName(pads.type));
  }
  if (in.rank < 1 || in.rank > kMaxCopyDims || out.rank != in.rank || pads.rank != 2 ||
      pads.dims[0] != in.rank || pads.dims[1] != 2) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs a rank 1..%d input, an output of that rank and [rank, 2] paddings",
                   static_cast<int>(kMaxCopyDims));
  }
  if (in.elements == 0 && out.elements != 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "cannot mirror an empty input");
  }
  d->pads_int64 = pads.type == DataType::kInt64;
  for (int32_t i = 0; i < in.rank; ++i) {
    d->in_dims[i] = in.dims[i];
    d->out_dims[i] = out.dims[i];
    if (!pads.is_constant || pads.data == nullptr) continue;
    const int64_t lo = pad_at(pads.data, d->pads_int64, 2 * i);
    const int64_t hi = pad_at(pads.data, d->pads_int64, 2 * i + 1);
    const int64_t most = int64_t{in.dims[i]} - d->offset;  // the mirror's reach
    if (lo < 0 || hi < 0 || lo > most || hi > most || out.dims[i] != in.dims[i] + lo + hi) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "dimension %d: paddings %lld, %lld do not fit an input of %d and an "
                     "output of %d",
                     static_cast<int>(i), static_cast<long long>(lo), static_cast<long long>(hi),
                     static_cast<int>(in.dims[i]), static_cast<int>(out.dims[i]));
    }
  }
  d->rank = in.rank;
  d->elem_bytes = DataTypeSize(in.type);
  req->variant = Variant::kAny;
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const MirrorPadOpData& d = call.data<MirrorPadOpData>();
  int32_t in_strides[kMaxCopyDims];
  dense_strides(d.in_dims, d.rank, in_strides);
  int64_t before[kMaxCopyDims];
  uint32_t total = 1;
  for (int32_t i = 0; i < d.rank; ++i) {
    before[i] = pad_at(call.input(1), d.pads_int64 != 0, 2 * i);
    total *= static_cast<uint32_t>(d.out_dims[i]);
  }
  const uint8_t* in = static_cast<const uint8_t*>(call.input(0));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  int32_t index[kMaxCopyDims] = {};
  for (uint32_t e = 0; e < total; ++e, out += d.elem_bytes) {
    int32_t src = 0;
    for (int32_t i = 0; i < d.rank; ++i) {
      src += source_index(index[i], before[i], d.in_dims[i], d.offset) * in_strides[i];
    }
    std::memcpy(out, in + static_cast<uint32_t>(src) * d.elem_bytes, d.elem_bytes);
    for (int32_t i = d.rank - 1; i >= 0 && ++index[i] == d.out_dims[i]; --i) index[i] = 0;
  }
}

}  // namespace mirror_pad
}  // namespace reference
}  // namespace kernels
}  // namespace strata
