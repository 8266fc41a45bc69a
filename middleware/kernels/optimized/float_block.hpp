// The float32 register block shared by the optimized float convolutions and fully-connected
// layers: C output channels x N pixels of accumulators live in FPU registers (16 of the 32
// single-precision registers for 4 x 4), and each step loads C weights and N activations once and
// issues C*N fused multiply-adds (VFMA.F32 with -mfpu=fpv5/fpv4). No per-element calls.
//
// Activation layout: the N windows interleaved element by element, x[i * N + j] = window j[i];
// weights: C rows of `k` floats, `row_stride` apart. Float16 weights (a float16 model's constants,
// read in place) take the Half overload: the same accumulators in the same order, each weight
// widened as it is loaded; rows that start 4-byte aligned load two halves at once.
#pragma once

#include <cstdint>

#include "common/half.hpp"

namespace strata {
namespace kernels {
namespace optimized {

inline float fmadd(float a, float b, float acc) { return __builtin_fmaf(a, b, acc); }

template <int C, int N>
inline void float_block(const float* w, int32_t row_stride, int32_t k, const float* x,
                        float (&acc)[C][N]) {
  float a[C][N];
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) a[c][j] = 0.0f;
  }
  const float* wr[C];
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) wr[c] = w + c * row_stride;
  for (int32_t i = 0; i < k; ++i, x += N) {
    float xv[N];
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) xv[j] = x[j];
#pragma GCC unroll 4
    for (int c = 0; c < C; ++c) {
      const float wv = wr[c][i];
#pragma GCC unroll 4
      for (int j = 0; j < N; ++j) a[c][j] = fmadd(wv, xv[j], a[c][j]);
    }
  }
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) acc[c][j] = a[c][j];
  }
}

template <int C, int N>
inline void float_block(const Half* w, int32_t row_stride, int32_t k, const float* x,
                        float (&acc)[C][N]) {
  float a[C][N];
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) a[c][j] = 0.0f;
  }
  const Half* wr[C];
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) wr[c] = w + c * row_stride;
  int32_t i = 0;
  // Every row 4-byte aligned: two weights per load, then the two steps in order.
  if (((reinterpret_cast<uintptr_t>(w) | static_cast<uintptr_t>(row_stride) * 2u) & 3u) == 0) {
    for (; i + 2 <= k; i += 2, x += 2 * N) {
      float w0[C];
      float w1[C];
#pragma GCC unroll 4
      for (int c = 0; c < C; ++c) widen_pair(wr[c] + i, &w0[c], &w1[c]);
#pragma GCC unroll 4
      for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
        for (int j = 0; j < N; ++j) a[c][j] = fmadd(w0[c], x[j], a[c][j]);
      }
#pragma GCC unroll 4
      for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
        for (int j = 0; j < N; ++j) a[c][j] = fmadd(w1[c], x[N + j], a[c][j]);
      }
    }
  }
  for (; i < k; ++i, x += N) {
#pragma GCC unroll 4
    for (int c = 0; c < C; ++c) {
      const float wv = widen(wr[c][i]);
#pragma GCC unroll 4
      for (int j = 0; j < N; ++j) a[c][j] = fmadd(wv, x[j], a[c][j]);
    }
  }
#pragma GCC unroll 4
  for (int c = 0; c < C; ++c) {
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) acc[c][j] = a[c][j];
  }
}

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
