// The prepare() of LOGISTIC and TANH, which differ only in their parameters: the same checks, the
// output quantization TFLite fixes for each (int8: 1/256 and -128 for LOGISTIC, 1/128 and 0 for
// TANH; int16: 2^-15 and 0 for both), and SigmoidParams (nonlinear_params.hpp) in the op data.
#pragma once

#include <cstdint>

#include "common/nonlinear_params.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

struct SigmoidOpData {
  int32_t count;
  int32_t reserved;
  SigmoidParams params;  // int8 and int16
};
static_assert(sizeof(SigmoidOpData) == 24, "arena-resident layout");

enum class SigmoidKind : uint8_t { kLogistic, kTanh };

// Variants float32, int8, int16; op data SigmoidOpData.
Status sigmoid_prepare(const OpContext& ctx, OpRequirements* req, void* op_data, SigmoidKind kind);

}  // namespace kernels
}  // namespace strata
