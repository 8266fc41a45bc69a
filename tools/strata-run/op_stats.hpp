// Per-operator statistics and formatting helpers shared by strata-run's commands.
#pragma once

#include <cstdint>
#include <string>

#include "strata/model.hpp"

namespace strata_run {

// Multiply-accumulates of op i (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED; 0 for other ops).
uint64_t OpMacs(const strata::Model& model, uint32_t op);

std::string ShapeString(const strata::TensorView& t);  // "[1,28,28,1]"
std::string ShapeJson(const strata::TensorView& t);    // "[1,28,28,1]" (same text, JSON array)
// "scale 0.0039 zp -128", "per-channel (32, dim 0)" or "" when not quantized.
std::string QuantString(const strata::TensorView& t);
std::string WithCommas(uint64_t v);  // 23456 -> "23,456"

}  // namespace strata_run
