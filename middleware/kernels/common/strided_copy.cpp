#include "common/strided_copy.hpp"

#include <cstring>

namespace strata {
namespace kernels {
namespace {

template <typename T>
void copy_run(const uint8_t* src, int32_t src_step, uint8_t* dst, int32_t dst_step, int32_t n) {
  const T* s = reinterpret_cast<const T*>(src);
  T* d = reinterpret_cast<T*>(dst);
  for (int32_t i = 0; i < n; ++i, s += src_step, d += dst_step) *d = *s;
}

// The innermost dimension of the box: one memcpy when both sides are contiguous.
void copy_row(const StridedCopy& p, const uint8_t* src, uint8_t* dst) {
  const int32_t last = p.rank - 1;
  const int32_t n = p.count[last];
  const int32_t in_step = p.in_stride[last];
  const int32_t out_step = p.out_stride[last];
  if (in_step == 1 && out_step == 1) {
    std::memmove(dst, src, static_cast<uint32_t>(n) * p.elem_bytes);
    return;
  }
  switch (p.elem_bytes) {
    case 1:
      copy_run<uint8_t>(src, in_step, dst, out_step, n);
      break;
    case 2:
      copy_run<uint16_t>(src, in_step, dst, out_step, n);
      break;
    case 4:
      copy_run<uint32_t>(src, in_step, dst, out_step, n);
      break;
    default:
      copy_run<uint64_t>(src, in_step, dst, out_step, n);
      break;
  }
}

}  // namespace

void dense_strides(const int32_t* dims, int32_t rank, int32_t* strides) {
  int32_t s = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    strides[d] = s;
    s *= dims[d];
  }
}

void make_gather(const int32_t* count, const int32_t* in_step, int32_t in_start, int32_t rank,
                 StridedCopy* p) {
  p->rank = rank;
  p->in_start = in_start;
  p->out_start = 0;
  for (int32_t d = 0; d < rank; ++d) {
    p->count[d] = count[d];
    p->in_stride[d] = in_step[d];
  }
  dense_strides(count, rank, p->out_stride);
}

void make_slice(const int32_t* in_dims, const int32_t* begin, const int32_t* step,
                const int32_t* count, int32_t rank, StridedCopy* p) {
  int32_t strides[kMaxCopyDims];
  dense_strides(in_dims, rank, strides);
  int32_t in_start = 0;
  for (int32_t d = 0; d < rank; ++d) {
    in_start += begin[d] * strides[d];
    strides[d] *= step[d];
  }
  make_gather(count, strides, in_start, rank, p);
}

void make_box(const int32_t* in_dims, const int32_t* count, int32_t rank, StridedCopy* p) {
  const int32_t begin[kMaxCopyDims] = {};
  int32_t step[kMaxCopyDims];
  for (int32_t d = 0; d < kMaxCopyDims; ++d) step[d] = 1;
  make_slice(in_dims, begin, step, count, rank, p);
}

void make_scatter(const int32_t* out_dims, const int32_t* begin, const int32_t* count, int32_t rank,
                  StridedCopy* p) {
  dense_strides(out_dims, rank, p->out_stride);
  dense_strides(count, rank, p->in_stride);
  p->rank = rank;
  p->in_start = 0;
  p->out_start = 0;
  for (int32_t d = 0; d < rank; ++d) {
    p->count[d] = count[d];
    p->out_start += begin[d] * p->out_stride[d];
  }
}

Status check_strided_copy(const OpContext& ctx, const StridedCopy& p, uint32_t in_elements,
                          uint32_t out_elements) {
  if (p.rank < 1 || p.rank > kMaxCopyDims) {
    return OpError(ctx, StatusCode::kUnsupported, "rank %d exceeds %d", static_cast<int>(p.rank),
                   static_cast<int>(kMaxCopyDims));
  }
  if (p.elem_bytes != 1 && p.elem_bytes != 2 && p.elem_bytes != 4 && p.elem_bytes != 8) {
    return OpError(ctx, StatusCode::kUnsupported, "element size %u is not supported",
                   static_cast<unsigned>(p.elem_bytes));
  }
  int64_t in_lo = p.in_start, in_hi = p.in_start, out_lo = p.out_start, out_hi = p.out_start;
  for (int32_t d = 0; d < p.rank; ++d) {
    if (p.count[d] <= 0) return Status::Ok();  // an empty box touches nothing
    const int64_t in_span = int64_t{p.count[d] - 1} * p.in_stride[d];
    const int64_t out_span = int64_t{p.count[d] - 1} * p.out_stride[d];
    (in_span < 0 ? in_lo : in_hi) += in_span;
    (out_span < 0 ? out_lo : out_hi) += out_span;
  }
  if (in_lo < 0 || in_hi >= int64_t{in_elements} || out_lo < 0 || out_hi >= int64_t{out_elements}) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "copy reaches elements %lld..%lld of the input (%u) and %lld..%lld of the "
                   "output (%u)",
                   static_cast<long long>(in_lo), static_cast<long long>(in_hi),
                   static_cast<unsigned>(in_elements), static_cast<long long>(out_lo),
                   static_cast<long long>(out_hi), static_cast<unsigned>(out_elements));
  }
  return Status::Ok();
}

void strided_copy(const StridedCopy& p, const void* input, void* output) {
  for (int32_t d = 0; d < p.rank; ++d) {
    if (p.count[d] <= 0) return;
  }
  const uint8_t* in = static_cast<const uint8_t*>(input);
  uint8_t* out = static_cast<uint8_t*>(output);
  const int32_t last = p.rank - 1;
  int32_t index[kMaxCopyDims] = {};
  int32_t in_off = p.in_start;  // element offsets of the current row
  int32_t out_off = p.out_start;
  for (;;) {
    copy_row(p, in + in_off * static_cast<int32_t>(p.elem_bytes),
             out + out_off * static_cast<int32_t>(p.elem_bytes));
    // Next row: an odometer over the outer dimensions.
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      in_off += p.in_stride[d];
      out_off += p.out_stride[d];
      if (++index[d] < p.count[d]) break;
      in_off -= p.in_stride[d] * p.count[d];
      out_off -= p.out_stride[d] * p.count[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

void invoke_strided_copy(const OpCall& call) {
  strided_copy(call.data<StridedCopy>(), call.input(0), call.output(0));
}

int32_t clamped_start(const void* indices, bool int64, const int32_t* dims, const int32_t* count,
                      const int32_t* stride, int32_t rank) {
  int32_t offset = 0;
  for (int32_t d = 0; d < rank; ++d) {
    int64_t i =
        int64 ? static_cast<const int64_t*>(indices)[d] : static_cast<const int32_t*>(indices)[d];
    const int64_t last = int64_t{dims[d]} - count[d];  // the largest start that fits
    i = i < 0 ? 0 : i > last ? last : i;
    offset += static_cast<int32_t>(i) * stride[d];
  }
  return offset;
}

void fill_elements(void* output, uint32_t count, const void* value, uint32_t elem_bytes) {
  uint8_t* out = static_cast<uint8_t*>(output);
  for (uint32_t i = 0; i < count; ++i, out += elem_bytes) std::memcpy(out, value, elem_bytes);
}

}  // namespace kernels
}  // namespace strata
