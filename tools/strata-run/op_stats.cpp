// op_stats.hpp implementation.
#include "op_stats.hpp"

#include <cstdio>

namespace strata_run {
namespace {

constexpr int32_t kConv2D = 3;
constexpr int32_t kDepthwiseConv2D = 4;
constexpr int32_t kFullyConnected = 9;

}  // namespace

uint64_t OpMacs(const strata::Model& model, uint32_t op) {
  const int32_t code = model.op_code(op);
  if (code != kConv2D && code != kDepthwiseConv2D && code != kFullyConnected) return 0;
  const strata::TensorView filter = model.tensor(model.op_input(op, 1));
  const strata::TensorView output = model.tensor(model.op_output(op, 0));
  if (!filter.present() || !output.present() || filter.rank < 2) return 0;
  uint64_t per_output = 1;
  if (code == kConv2D) {  // filter [out, kh, kw, in]
    for (int32_t d = 1; d < filter.rank; ++d) per_output *= static_cast<uint64_t>(filter.dims[d]);
  } else if (code == kDepthwiseConv2D) {  // filter [1, kh, kw, out]
    per_output = static_cast<uint64_t>(filter.dim(1)) * static_cast<uint64_t>(filter.dim(2));
  } else {  // filter [out, in]
    per_output = static_cast<uint64_t>(filter.dims[filter.rank - 1]);
  }
  return per_output * output.elements;
}

std::string ShapeString(const strata::TensorView& t) {
  std::string s = "[";
  for (int32_t d = 0; d < t.rank; ++d) {
    if (d) s += ",";
    s += std::to_string(t.dims[d]);
  }
  return s + "]";
}

std::string ShapeJson(const strata::TensorView& t) { return ShapeString(t); }

std::string QuantString(const strata::TensorView& t) {
  char buf[96];
  if (t.num_quant == 0) return "";
  if (t.num_quant == 1) {
    std::snprintf(buf, sizeof(buf), "scale %.9g zp %d", static_cast<double>(t.scale), t.zero_point);
  } else {
    std::snprintf(buf, sizeof(buf), "per-channel (%u scales, dim %d)", t.num_quant,
                  t.quantized_dimension);
  }
  return buf;
}

std::string WithCommas(uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace strata_run
