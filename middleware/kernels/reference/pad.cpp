#include "reference/pad.hpp"

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

template <typename T>
void pad_any(const Dims4& in, const T* input, const int32_t* before, const Dims4& out, T value,
             T* output) {
  const int32_t total = flat_size(out);
  for (int32_t i = 0; i < total; ++i) output[i] = value;
  for (int32_t n = 0; n < in.n; ++n) {
    for (int32_t y = 0; y < in.h; ++y) {
      for (int32_t x = 0; x < in.w; ++x) {
        const T* src = input + offset4(in, n, y, x, 0);
        T* dst = output + offset4(out, n + before[0], y + before[1], x + before[2], before[3]);
        for (int32_t c = 0; c < in.c; ++c) dst[c] = src[c];
      }
    }
  }
}

}  // namespace

void pad_int8(const Dims4& in, const int8_t* input, const int32_t* before, const Dims4& out,
              int8_t pad_value, int8_t* output) {
  pad_any(in, input, before, out, pad_value, output);
}

void pad_float32(const Dims4& in, const float* input, const int32_t* before, const Dims4& out,
                 float* output) {
  pad_any(in, input, before, out, 0.0f, output);
}

namespace pad {
namespace {

struct PadOpData {
  Dims4 input;
  Dims4 output;
  int32_t before[4];
  int32_t pad_value;
  int32_t reserved;
};
static_assert(sizeof(PadOpData) == 56, "arena-resident layout");

// Reads the constant [rank, 2] paddings and fills the 4-D op data (leading dims padded with 1).
Status analyze(const OpContext& ctx, PadOpData* d) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& paddings = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  if (in.type != DataType::kInt8 && in.type != DataType::kFloat32) {
    return OpError(ctx, StatusCode::kUnsupported, "type %s is not supported",
                   DataTypeName(in.type));
  }
  STRATA_RETURN_IF_ERROR(check_type(ctx, paddings, "paddings", DataType::kInt32));
  if (!paddings.is_constant || paddings.data == nullptr || in.rank > 4 || in.rank < 1 ||
      paddings.elements != static_cast<uint32_t>(2 * in.rank) || out.rank != in.rank) {
    return OpError(ctx, StatusCode::kUnsupported, "needs constant [rank,2] paddings, rank <= 4");
  }
  const int32_t* pads = paddings.int32_data();
  int32_t in4[4] = {1, 1, 1, 1};
  int32_t out4[4] = {1, 1, 1, 1};
  for (int32_t i = 0; i < 4; ++i) d->before[i] = 0;
  for (int32_t i = 0; i < in.rank; ++i) {
    const int32_t k = 4 - in.rank + i;
    const int32_t lo = pads[2 * i];
    const int32_t hi = pads[2 * i + 1];
    // 64-bit sum: paddings near 2^31 must not wrap into a matching size.
    if (lo < 0 || hi < 0 || int64_t{out.dims[i]} != int64_t{in.dims[i]} + lo + hi) {
      return OpError(ctx, StatusCode::kMalformedModel, "output dimension %d does not match",
                     static_cast<int>(i));
    }
    in4[k] = in.dims[i];
    out4[k] = out.dims[i];
    d->before[k] = lo;
  }
  d->input = {in4[0], in4[1], in4[2], in4[3]};
  d->output = {out4[0], out4[1], out4[2], out4[3]};
  d->pad_value = in.type == DataType::kInt8 ? out.zero_point : 0;
  if (in.type == DataType::kInt8) {
    STRATA_RETURN_IF_ERROR(check_int8_quantized(ctx, out, "output"));
  }
  return Status::Ok();
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<PadOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(analyze(ctx, d.get()));
  req->variant = ctx.input(0).type == DataType::kInt8 ? Variant::kInt8 : Variant::kFloat32;
  return Status::Ok();
}

void invoke_int8(const OpCall& call) {
  const PadOpData& d = call.data<PadOpData>();
  pad_int8(d.input, static_cast<const int8_t*>(call.input(0)), d.before, d.output,
           static_cast<int8_t>(d.pad_value), static_cast<int8_t*>(call.output(0)));
}

void invoke_float32(const OpCall& call) {
  const PadOpData& d = call.data<PadOpData>();
  pad_float32(d.input, static_cast<const float*>(call.input(0)), d.before, d.output,
              static_cast<float*>(call.output(0)));
}

}  // namespace pad

}  // namespace reference
}  // namespace kernels
}  // namespace strata
