// Reference ADD and MUL compute functions (float32 and int8), with optional 4-D broadcasting
// (bc == nullptr when both inputs have the output's shape).
#pragma once

#include <cstdint>

#include "common/arithmetic_params.hpp"

namespace strata {
namespace kernels {
namespace reference {

void add_float32(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const float* a,
                 const float* b, float* out);
void add_int8(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const int8_t* a,
              const int8_t* b, int8_t* out);
void mul_float32(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const float* a,
                 const float* b, float* out);
void mul_int8(const ArithmeticParams& p, const Broadcast4* bc, int32_t count, const int8_t* a,
              const int8_t* b, int8_t* out);

}  // namespace reference
}  // namespace kernels
}  // namespace strata
