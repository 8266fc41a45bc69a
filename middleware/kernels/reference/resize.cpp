// RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR: an NHWC input scaled to the constant size
// (input 1, int32 [height, width], as TFLM requires), with TFLite's align_corners and
// half_pixel_centers. The arithmetic is TFLM's reference: nearest neighbour picks the source
// pixel in float; bilinear float32 interpolates in float, bilinear int8 in 10-bit fixed point
// (scales and positions in 1/1024, the sum of four 20-bit-weighted terms rounded half away from
// zero). Nearest neighbour copies pixels by size, so it serves every type.
#include <cmath>
#include <cstring>

#include "common/op_checks.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct ResizeOpData {
  Dims4 in;
  Dims4 out;
  int32_t align_corners;
  int32_t half_pixel_centers;
  uint32_t pixel_bytes;
  int32_t scale_h_10;  // bilinear int8: input/output size ratios in 1/1024
  int32_t scale_w_10;
  int32_t reserved;
};

Status resize_prepare(const OpContext& ctx, bool align, bool half, OpRequirements* req,
                      void* op_data) {
  OpDataRef<ResizeOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& in = ctx.input(0);
  const TensorView& size = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", in.type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, size, "size", DataType::kInt32));
  if (!size.is_constant || size.data == nullptr || size.rank != 1 || size.elements != 2) {
    return OpError(ctx, StatusCode::kUnsupported, "size must be constant [height, width]");
  }
  if (align && half) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "align_corners and half_pixel_centers exclude each other");
  }
  STRATA_RETURN_IF_ERROR(get_dims4(ctx, in, "input", &d->in));
  const int32_t h = size.int32_data()[0];
  const int32_t w = size.int32_data()[1];
  if (h < 1 || w < 1 || d->in.h < 1 || d->in.w < 1) {
    return OpError(ctx, StatusCode::kMalformedModel, "sizes must be at least 1");
  }
  d->out = {d->in.n, h, w, d->in.c};
  STRATA_RETURN_IF_ERROR(check_dims4(ctx, out, "output", d->out));
  STRATA_RETURN_IF_ERROR(
      require_size(ctx, CheckedSize(d->in.c) * DataTypeSize(in.type), "a pixel", &d->pixel_bytes));
  d->align_corners = align;
  d->half_pixel_centers = half;
  return Status::Ok();
}

// TFLM's 1/1024 ratio of input to output size, rounded to nearest.
int32_t scale_10(int32_t in, int32_t out, bool align) {
  if (align && out > 1) return ((1 << 10) * (in - 1) + (out - 1) / 2) / (out - 1);
  return ((1 << 10) * in + out / 2) / out;
}

float scale_float(int32_t in, int32_t out, bool align) {
  if (align && out > 1) return static_cast<float>(in - 1) / static_cast<float>(out - 1);
  return static_cast<float>(in) / static_cast<float>(out);
}

// The two input indices around a source position: its floor and ceiling, clamped into the input
// (TFLM clamps the floor below and the ceiling above; the other two clamps only matter where TFLM
// would read outside the input).
struct Span {
  int32_t lo, hi;
};

int32_t clamp_index(int32_t i, int32_t size) { return i < 0 ? 0 : i > size - 1 ? size - 1 : i; }

Span span_of(int32_t scaled_floor, int32_t scaled_ceil, int32_t size) {
  return {clamp_index(scaled_floor, size), clamp_index(scaled_ceil, size)};
}

template <typename T>
const T* pixel(const T* base, const Dims4& s, int32_t n, int32_t y, int32_t x) {
  return base + ((n * s.h + y) * s.w + x) * s.c;
}

}  // namespace

namespace resize_bilinear {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_ResizeBilinearOptions() : nullptr;
  const bool align = o != nullptr && o->align_corners();
  const bool half = o != nullptr && o->half_pixel_centers();
  STRATA_RETURN_IF_ERROR(resize_prepare(ctx, align, half, req, op_data));
  const TensorView& in = ctx.input(0);
  if (in.type == DataType::kFloat32) {
    req->variant = Variant::kFloat32;
  } else if (in.type == DataType::kInt8) {
    req->variant = Variant::kInt8;
  } else {
    return OpError(ctx, StatusCode::kUnsupported, "type %s is not supported",
                   DataTypeName(in.type));
  }
  // The fixed-point positions (index x 1024 x ratio) must fit 31 bits.
  constexpr int32_t kMaxSize = 1 << 19;
  const TensorView& out = ctx.output(0);
  if (in.dims[1] > kMaxSize || in.dims[2] > kMaxSize || out.dims[1] > kMaxSize ||
      out.dims[2] > kMaxSize) {
    return OpError(ctx, StatusCode::kUnsupported, "heights and widths above %d are not supported",
                   static_cast<int>(kMaxSize));
  }
  if (op_data != nullptr) {
    ResizeOpData* d = static_cast<ResizeOpData*>(op_data);
    d->scale_h_10 = scale_10(d->in.h, d->out.h, align);
    d->scale_w_10 = scale_10(d->in.w, d->out.w, align);
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const ResizeOpData& d = call.data<ResizeOpData>();
  const float* in = static_cast<const float*>(call.input(0));
  float* out = static_cast<float*>(call.output(0));
  const float scale_h = scale_float(d.in.h, d.out.h, d.align_corners != 0);
  const float scale_w = scale_float(d.in.w, d.out.w, d.align_corners != 0);
  const float shift = d.half_pixel_centers ? 0.5f : 0.0f;
  for (int32_t n = 0; n < d.out.n; ++n) {
    for (int32_t y = 0; y < d.out.h; ++y) {
      const float fy = (static_cast<float>(y) + shift) * scale_h - shift;
      const Span sy = span_of(static_cast<int32_t>(std::floor(fy)),
                              static_cast<int32_t>(std::ceil(fy)), d.in.h);
      const float dy = fy - static_cast<float>(sy.lo);
      for (int32_t x = 0; x < d.out.w; ++x) {
        const float fx = (static_cast<float>(x) + shift) * scale_w - shift;
        const Span sx = span_of(static_cast<int32_t>(std::floor(fx)),
                                static_cast<int32_t>(std::ceil(fx)), d.in.w);
        const float dx = fx - static_cast<float>(sx.lo);
        const float* p00 = pixel(in, d.in, n, sy.lo, sx.lo);
        const float* p10 = pixel(in, d.in, n, sy.hi, sx.lo);
        const float* p01 = pixel(in, d.in, n, sy.lo, sx.hi);
        const float* p11 = pixel(in, d.in, n, sy.hi, sx.hi);
        for (int32_t c = 0; c < d.in.c; ++c) {
          *out++ = p00[c] * (1 - dy) * (1 - dx) + p10[c] * dy * (1 - dx) + p01[c] * (1 - dy) * dx +
                   p11[c] * dy * dx;
        }
      }
    }
  }
}

void invoke_int8(const OpCall& call) {
  const ResizeOpData& d = call.data<ResizeOpData>();
  const int8_t* in = static_cast<const int8_t*>(call.input(0));
  int8_t* out = static_cast<int8_t*>(call.output(0));
  constexpr int32_t kOne = 1 << 10;
  // Output index v's source position in 1/1024 (shifted by half a pixel each way when asked).
  const auto position = [&](int32_t v, int32_t scale) {
    return d.half_pixel_centers ? v * scale + scale / 2 - (1 << 9) : v * scale;
  };
  for (int32_t n = 0; n < d.out.n; ++n) {
    for (int32_t y = 0; y < d.out.h; ++y) {
      const int32_t fy = position(y, d.scale_h_10);
      const Span sy = span_of(fy / kOne, (fy + kOne - 1) / kOne, d.in.h);
      const int64_t wy = fy - kOne * sy.lo;  // weight of the upper row
      for (int32_t x = 0; x < d.out.w; ++x) {
        const int32_t fx = position(x, d.scale_w_10);
        const Span sx = span_of(fx / kOne, (fx + kOne - 1) / kOne, d.in.w);
        const int64_t wx = fx - kOne * sx.lo;
        const int8_t* p00 = pixel(in, d.in, n, sy.lo, sx.lo);
        const int8_t* p10 = pixel(in, d.in, n, sy.hi, sx.lo);
        const int8_t* p01 = pixel(in, d.in, n, sy.lo, sx.hi);
        const int8_t* p11 = pixel(in, d.in, n, sy.hi, sx.hi);
        for (int32_t c = 0; c < d.in.c; ++c) {
          const int64_t sum = p00[c] * (kOne - wy) * (kOne - wx) + p10[c] * wy * (kOne - wx) +
                              p01[c] * (kOne - wy) * wx + p11[c] * wy * wx;
          const int64_t round = sum > 0 ? (1 << 19) : -(1 << 19);
          *out++ = static_cast<int8_t>((sum + round) / (1 << 20));
        }
      }
    }
  }
}

}  // namespace resize_bilinear

namespace resize_nearest_neighbor {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  const auto* o =
      ctx.op != nullptr ? ctx.op->builtin_options_as_ResizeNearestNeighborOptions() : nullptr;
  STRATA_RETURN_IF_ERROR(resize_prepare(ctx, o != nullptr && o->align_corners(),
                                        o != nullptr && o->half_pixel_centers(), req, op_data));
  req->variant = Variant::kAny;
  return Status::Ok();
}

namespace {

// TFLM's source index of output index v: the scaled position rounded (align_corners) or floored,
// clamped into the input.
int32_t nearest(int32_t v, int32_t in, int32_t out, bool align, bool half) {
  const float p = (static_cast<float>(v) + (half ? 0.5f : 0.0f)) * scale_float(in, out, align);
  int32_t i = static_cast<int32_t>(align ? std::round(p) : std::floor(p));
  if (i > in - 1) i = in - 1;
  return half && i < 0 ? 0 : i;
}

}  // namespace

void invoke_any(const OpCall& call) {
  const ResizeOpData& d = call.data<ResizeOpData>();
  const uint8_t* in = static_cast<const uint8_t*>(call.input(0));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  const bool align = d.align_corners != 0;
  const bool half = d.half_pixel_centers != 0;
  const uint32_t row_bytes = static_cast<uint32_t>(d.in.w) * d.pixel_bytes;
  for (int32_t n = 0; n < d.out.n; ++n) {
    for (int32_t y = 0; y < d.out.h; ++y) {
      const uint8_t* row =
          in +
          static_cast<uint32_t>(n * d.in.h + nearest(y, d.in.h, d.out.h, align, half)) * row_bytes;
      for (int32_t x = 0; x < d.out.w; ++x, out += d.pixel_bytes) {
        const int32_t sx = nearest(x, d.in.w, d.out.w, align, half);
        std::memcpy(out, row + static_cast<uint32_t>(sx) * d.pixel_bytes, d.pixel_bytes);
      }
    }
  }
}

}  // namespace resize_nearest_neighbor
}  // namespace reference
}  // namespace kernels
}  // namespace strata
