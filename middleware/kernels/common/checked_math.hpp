// Sizes, counts and offsets computed from model data.
//
// Every tensor the runtime accepts holds fewer than kMaxBytes bytes (checked at load), but a kernel
// multiplies dims of different tensors (batches x units, the sum of all inputs, elements x 4 for a
// scratch), and a hostile model can make such a product wrap 32 bits: a wrapped size passes a
// comparison and an invoke then writes outside its buffers. CheckedSize computes in 64 bits and
// saturates above kMaxBytes at every step, so no sequence of products and sums can wrap; a kernel
// then asks ok() (or require_size() in op_checks.hpp, which names the quantity in the error).
//   const CheckedSize n = CheckedSize(batches) * units;
//   if (!n.ok() || n.value() != out.elements) return OpError(...);
#pragma once

#include <cstdint>
#include <type_traits>

namespace strata {
namespace kernels {

// The largest size (in bytes or elements) any model-derived quantity may have: 2 GiB - 16.
constexpr uint64_t kMaxBytes = 0x7FFFFFF0u;

class CheckedSize {
 public:
  // Any integer; negative values (a negative dim or index reaching a size) count as too large.
  template <typename T, typename = typename std::enable_if<std::is_integral<T>::value>::type>
  constexpr CheckedSize(T v) : v_(Bound(v)) {}

  // Both operands are at most kTooLarge < 2^32, so the 64-bit product and sum are exact.
  friend constexpr CheckedSize operator*(CheckedSize a, CheckedSize b) {
    return CheckedSize(a.v_ * b.v_);
  }
  friend constexpr CheckedSize operator+(CheckedSize a, CheckedSize b) {
    return CheckedSize(a.v_ + b.v_);
  }
  CheckedSize& operator*=(CheckedSize o) { return *this = *this * o; }
  CheckedSize& operator+=(CheckedSize o) { return *this = *this + o; }

  constexpr bool ok() const { return v_ <= kMaxBytes; }
  // The value; only meaningful when ok().
  constexpr uint32_t value() const { return static_cast<uint32_t>(v_); }

 private:
  static constexpr uint64_t kTooLarge = kMaxBytes + 1;
  template <typename T>
  static constexpr uint64_t Bound(T v) {
    return (std::is_signed<T>::value && static_cast<int64_t>(v) < 0) ? kTooLarge
           : static_cast<uint64_t>(v) > kMaxBytes                    ? kTooLarge
                                                                     : static_cast<uint64_t>(v);
  }
  uint64_t v_;
};

// Product of dims[0..rank): the element count of a shape.
inline CheckedSize shape_elements(const int32_t* dims, int32_t rank) {
  CheckedSize n(1);
  for (int32_t i = 0; i < rank; ++i) n *= dims[i];
  return n;
}

}  // namespace kernels
}  // namespace strata
