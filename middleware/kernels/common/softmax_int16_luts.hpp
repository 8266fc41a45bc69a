// The two tables of TensorFlow Lite's int16 SOFTMAX, sampled over the int16 range (see lut.hpp,
// lut_lookup_int16): exp(x) for x in [-10, 0] and 1 / (1 + x) for x in [0, 1], both with outputs
// in Q0.15 (the output range [-1, 1] over int16). TFLite builds them at prepare in single precision
// with a correction that centres the interpolation error of each segment; they do not depend on the
// model, so they are constants here (flash, only in firmware whose model runs an int16 SOFTMAX).
// tests/host/kernels/lut_test.cpp rebuilds both with TFLite's procedure and compares.
#pragma once

#include <cstdint>

namespace strata {
namespace kernels {

extern const int16_t kSoftmaxExpLut[513];         // exp(x), x = -10 + 10 * i / 512
extern const int16_t kSoftmaxReciprocalLut[513];  // 1 / (1 + x), x = i / 512

}  // namespace kernels
}  // namespace strata
