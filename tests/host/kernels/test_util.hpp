// Helpers for kernel tests: deterministic random data and float <-> int8 conversion used to
// compare int8 kernels with their float counterparts.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "strata/tensor.hpp"

namespace strata_test {

// A view with only a shape (no data, float32, not quantized); `dims` must outlive it.
inline strata::TensorView shape_view(const std::vector<int32_t>& dims, const char* name = "t") {
  strata::TensorView v;
  v.dims = dims.data();
  v.rank = static_cast<int32_t>(dims.size());
  v.name = name;
  v.index = 0;
  uint32_t n = 1;
  for (int32_t d : dims) n *= static_cast<uint32_t>(d);
  v.elements = n;
  v.bytes = 4 * n;
  return v;
}

inline std::vector<float> random_floats(std::mt19937* rng, size_t n, float lo, float hi) {
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float& x : v) x = dist(*rng);
  return v;
}

inline std::vector<int8_t> random_int8(std::mt19937* rng, size_t n, int lo = -128, int hi = 127) {
  std::uniform_int_distribution<int> dist(lo, hi);
  std::vector<int8_t> v(n);
  for (int8_t& x : v) x = static_cast<int8_t>(dist(*rng));
  return v;
}

inline int8_t quantize(float x, float scale, int zp) {
  long q = std::lround(x / scale) + zp;
  return static_cast<int8_t>(q < -128 ? -128 : (q > 127 ? 127 : q));
}

inline float dequantize(int8_t q, float scale, int zp) { return scale * (q - zp); }

inline std::vector<float> dequantize_all(const std::vector<int8_t>& q, float scale, int zp) {
  std::vector<float> v(q.size());
  for (size_t i = 0; i < q.size(); ++i) v[i] = dequantize(q[i], scale, zp);
  return v;
}

}  // namespace strata_test
