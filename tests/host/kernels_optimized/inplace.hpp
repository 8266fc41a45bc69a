// A buffer laid out the way the planner places an in-place window op: the output starts `lead`
// bytes before the input (the lead prepare() reports, WindowInplaceLead of the op's geometry
// unless the kernel asks for more, rounded up to kArenaAlignment as the planner does: the
// tightest overlap an interpreter produces) and the two overlap from there on.
#pragma once

#include <cstring>
#include <vector>

#include "kernel.hpp"
#include "random_cases.hpp"

namespace strata_test {

// The offset between output and input the planner uses for a kernel's inplace_lead_bytes.
inline uint32_t planner_lead(uint32_t lead) {
  return (lead + strata::kArenaAlignment - 1) & ~(strata::kArenaAlignment - 1);
}

inline uint32_t conv_inplace_lead(const ConvCase& c, uint32_t elem_bytes) {
  const strata::WindowGeometry g = {c.in.n,
                                    c.in.h,
                                    c.in.w,
                                    c.out.h,
                                    c.out.w,
                                    c.p.stride_h,
                                    c.p.stride_w,
                                    c.p.pad_h,
                                    c.p.pad_w,
                                    static_cast<uint32_t>(c.in.c) * elem_bytes,
                                    static_cast<uint32_t>(c.out.c) * elem_bytes};
  return strata::WindowInplaceLead(g);
}

inline uint32_t pool_inplace_lead(const PoolCase& c, uint32_t elem_bytes) {
  const uint32_t pixel = static_cast<uint32_t>(c.in.c) * elem_bytes;
  const strata::WindowGeometry g = {c.in.n,    c.in.h,       c.in.w,       c.out.h,
                                    c.out.w,   c.p.stride_h, c.p.stride_w, c.p.pad_h,
                                    c.p.pad_w, pixel,        pixel};
  return strata::WindowInplaceLead(g);
}

template <typename T>
struct InplaceBuffer {
  uint32_t lead;
  std::vector<uint64_t> words;  // 8-byte aligned like the arena

  // lead_bytes: what prepare() reports (the planner's rounding is applied here).
  InplaceBuffer(uint32_t lead_bytes, size_t in_elems, size_t out_elems)
      : lead(planner_lead(lead_bytes)) {
    const size_t in_end = lead + in_elems * sizeof(T);
    const size_t out_end = out_elems * sizeof(T);
    words.assign((in_end > out_end ? in_end : out_end) / 8 + 2, 0x6B6B6B6B6B6B6B6Bull);
  }
  InplaceBuffer(const ConvCase& c, uint32_t elem_bytes)
      : InplaceBuffer(conv_inplace_lead(c, elem_bytes), static_cast<size_t>(flat_size(c.in)),
                      static_cast<size_t>(flat_size(c.out))) {}

  uint8_t* bytes() { return reinterpret_cast<uint8_t*>(words.data()); }
  T* output() { return reinterpret_cast<T*>(bytes()); }
  T* input(const std::vector<T>& values) {
    std::memcpy(bytes() + lead, values.data(), values.size() * sizeof(T));
    return reinterpret_cast<T*>(bytes() + lead);
  }
  std::vector<T> result(size_t n) { return std::vector<T>(output(), output() + n); }
};

}  // namespace strata_test
