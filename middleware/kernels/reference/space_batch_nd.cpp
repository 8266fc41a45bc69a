// SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND on NHWC (4-D) or NHC (3-D, a width of 1) tensors.
// SPACE_TO_BATCH_ND pads the spatial dimensions (input 2, [spatial, 2]) and moves each position of
// a block_h x block_w tile (block shape: input 1) to its own batch: output batch
// (sh * block_w + sw) * N + n holds the padded input pixels (y * block_h + sh, x * block_w + sw);
// padding reads as zero (the output zero point for int8/uint8). BATCH_TO_SPACE_ND is the inverse,
// then crops (input 2). TFLM reads block and paddings/crops at invoke, so they may be computed by
// the model: constant ones are checked against the shapes at prepare; at invoke every pixel is
// bounds-checked. Pixels are copied by size, so one kernel serves every type.
#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct SpaceBatchOpData {
  Dims4 in;  // 3-D tensors as [n, h, 1, c]
  Dims4 out;
  int32_t spatial;       // 2 (NHWC) or 1 (NHC)
  uint32_t pixel_bytes;  // channels x element size
  int32_t pad_byte;      // SPACE_TO_BATCH_ND's padding byte
  int32_t reserved;
};

// Block shape and leading padding (or crop) of a call, the block at least 1.
struct BlockParams {
  int32_t block_h, block_w;
  int32_t before_h, before_w;
};

Dims4 as_nhwc(const TensorView& t) {
  return t.rank == 4 ? Dims4{t.dims[0], t.dims[1], t.dims[2], t.dims[3]}
                     : Dims4{t.dims[0], t.dims[1], 1, t.dims[2]};
}

BlockParams block_params(const SpaceBatchOpData& d, const int32_t* block, const int32_t* pads) {
  BlockParams p{block[0], d.spatial == 2 ? block[1] : 1, pads[0], d.spatial == 2 ? pads[2] : 0};
  if (p.block_h < 1) p.block_h = 1;
  if (p.block_w < 1) p.block_w = 1;
  return p;
}

// What constant block and paddings (crops) imply for the shapes: the batch side (SPACE_TO_BATCH's
// output, BATCH_TO_SPACE's input) has block_h x block_w times the batches of the space side, and
// each spatial dimension of the space side plus its paddings (crops) is block times the batch
// side's.
bool shapes_match(const Dims4& space, const Dims4& batch, const int32_t* block, const int32_t* pads,
                  int32_t spatial) {
  const int32_t space_dims[2] = {space.h, space.w};
  const int32_t batch_dims[2] = {batch.h, batch.w};
  int64_t blocks = 1;
  for (int32_t i = 0; i < spatial; ++i) {
    const int64_t padded = int64_t{space_dims[i]} + pads[2 * i] + pads[2 * i + 1];
    if (block[i] < 1 || pads[2 * i] < 0 || pads[2 * i + 1] < 0 ||
        padded != int64_t{batch_dims[i]} * block[i]) {
      return false;
    }
    blocks *= block[i];
  }
  return (spatial == 2 || batch.w == space.w) && int64_t{batch.n} == blocks * space.n;
}

Status space_batch_prepare(const OpContext& ctx, bool to_batch, OpRequirements* req,
                           void* op_data) {
  OpDataRef<SpaceBatchOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 3, 3));
  const TensorView& in = ctx.input(0);
  const TensorView& block = ctx.input(1);
  const TensorView& pads = ctx.input(2);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, block, "block_shape", DataType::kInt32));
  STRATA_RETURN_IF_ERROR(check_type(ctx, pads, to_batch ? "paddings" : "crops", DataType::kInt32));
  d->spatial = in.rank - 2;
  if ((in.rank != 3 && in.rank != 4) || out.rank != in.rank ||
      block.elements != static_cast<uint32_t>(d->spatial) ||
      pads.elements != static_cast<uint32_t>(2 * d->spatial)) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "needs 3-D or 4-D tensors, one block size and two %s per spatial dimension",
                   to_batch ? "paddings" : "crops");
  }
  d->in = as_nhwc(in);
  d->out = as_nhwc(out);
  if (d->in.c != d->out.c || d->in.n < 1 || d->out.n < 1) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "input and output need the same depth and at least one batch");
  }
  if (block.is_constant && pads.is_constant && block.data != nullptr && pads.data != nullptr) {
    const Dims4& space = to_batch ? d->in : d->out;
    const Dims4& batch = to_batch ? d->out : d->in;
    if (!shapes_match(space, batch, block.int32_data(), pads.int32_data(), d->spatial)) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "block shape and %s do not turn the input's shape into the output's",
                     to_batch ? "paddings" : "crops");
    }
  }
  STRATA_RETURN_IF_ERROR(
      require_size(ctx, CheckedSize(d->in.c) * DataTypeSize(in.type), "a pixel", &d->pixel_bytes));
  if (to_batch && (in.type == DataType::kInt8 || in.type == DataType::kUInt8)) {
    STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
    d->pad_byte = static_cast<uint8_t>(out.zero_point);
  }
  req->variant = Variant::kAny;
  return Status::Ok();
}

// Byte offset of pixel (n, y, x) of a dense NHWC tensor with dims s.
uint32_t pixel_at(const Dims4& s, uint32_t bytes, int32_t n, int64_t y, int64_t x) {
  return static_cast<uint32_t>((int64_t{n} * s.h + y) * s.w + x) * bytes;
}

// Both ops walk the batch side: pixel (b, y, x) there is pixel (b % N, y * block_h + sh - before_h,
// x * block_w + sw - before_w) of the space side (N batches), (sh, sw) = the position (b / N)
// stands for in the block. SPACE_TO_BATCH_ND writes every batch-side pixel (the padding where the
// space-side pixel is outside), BATCH_TO_SPACE_ND the space-side pixels inside (the rest is
// cropped).
void move_blocks(const OpCall& call, bool to_batch) {
  const SpaceBatchOpData& d = call.data<SpaceBatchOpData>();
  const BlockParams p = block_params(d, static_cast<const int32_t*>(call.input(1)),
                                     static_cast<const int32_t*>(call.input(2)));
  const Dims4& space = to_batch ? d.in : d.out;
  const Dims4& batch = to_batch ? d.out : d.in;
  const uint8_t* in = static_cast<const uint8_t*>(call.input(0));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  const uint32_t n_bytes = d.pixel_bytes;
  for (int32_t b = 0; b < batch.n; ++b) {
    const int32_t n = b % space.n;
    const int32_t shift = b / space.n;
    for (int32_t y = 0; y < batch.h; ++y) {
      const int64_t sy = int64_t{y} * p.block_h + shift / p.block_w - p.before_h;
      for (int32_t x = 0; x < batch.w; ++x) {
        const int64_t sx = int64_t{x} * p.block_w + shift % p.block_w - p.before_w;
        const bool inside = sy >= 0 && sy < space.h && sx >= 0 && sx < space.w;
        const uint32_t at_batch = pixel_at(batch, n_bytes, b, y, x);
        if (!to_batch) {
          if (inside)
            std::memcpy(out + pixel_at(space, n_bytes, n, sy, sx), in + at_batch, n_bytes);
        } else if (inside) {
          std::memcpy(out + at_batch, in + pixel_at(space, n_bytes, n, sy, sx), n_bytes);
        } else {
          std::memset(out + at_batch, d.pad_byte, n_bytes);
        }
      }
    }
  }
}

}  // namespace

namespace space_to_batch_nd {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return space_batch_prepare(ctx, true, req, op_data);
}

void invoke_any(const OpCall& call) { move_blocks(call, true); }

}  // namespace space_to_batch_nd

namespace batch_to_space_nd {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return space_batch_prepare(ctx, false, req, op_data);
}

void invoke_any(const OpCall& call) { move_blocks(call, false); }

}  // namespace batch_to_space_nd
}  // namespace reference
}  // namespace kernels
}  // namespace strata
