// The deterministic input fill strata-run uses when no --input is given, documented in its usage
// text and in the conformance suite's README (the `*_pattern` cases hold its bytes).
#pragma once

#include <cstdint>

#include "strata/tensor.hpp"

namespace strata_run {

void FillPattern(const strata::TensorView& tensor, uint32_t input_index);

}  // namespace strata_run
