// The comparisons of the on-target kernel sweep: each runs `count` random cases of one kernel
// through the reference and the optimized backend on the board (the real DSP instructions, not the
// host shim) and reports the first mismatch. int8 must be bit-exact, float within the conformance
// tolerance.
#pragma once

#include <cstdint>

#include "sweep_case.hpp"

namespace sweep {

// Output and scratch buffers shared by all checks.
constexpr uint32_t kScratchBytes = 64u * 1024u;
struct Outputs {
  int8_t ref[kMaxOutput];
  int8_t opt[kMaxOutput];
  float ref_f[kMaxOutput];
  float opt_f[kMaxOutput];
  alignas(8) uint8_t scratch[kScratchBytes];
  alignas(8) uint8_t inplace[kScratchBytes];
};
extern Outputs g_out;

// Whether the shared buffers retain what is written (they must be RAM on the board).
bool buffers_are_memory();

// Prints "<what> case <index>: <reason>" and the shape, and returns false.
bool report_failure(const char* what, int32_t index, const char* reason, const Dims4& in,
                    const Dims4& out);
bool same_bytes(const int8_t* a, const int8_t* b, int32_t n);
bool close_floats(const float* got, const float* want, int32_t n);
void garble(void* p, uint32_t bytes);

bool check_conv(uint32_t seed, int32_t count);
bool check_depthwise(uint32_t seed, int32_t count);
bool check_depthwise_3x3(uint32_t seed, int32_t count);
bool check_fully_connected(uint32_t seed, int32_t count);
bool check_pooling(uint32_t seed, int32_t count);
bool check_add(uint32_t seed, int32_t count);

}  // namespace sweep
