// ELU: x for x >= 0, exp(x) - 1 below. float32 (expm1); int8 through a 256-entry table of the
// quantized function, built at prepare from both quantizations in single precision exactly as
// TensorFlow Lite Micro builds it (with exp(x) - 1, not expm1).
#include <cmath>

#include "common/lut.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace elu {
namespace {

struct EluOpData {
  int32_t count;
  int32_t reserved;
  int8_t table[256];  // int8: output for each input, indexed by uint8_t(input)
};

float elu_of(float x) { return x < 0.0f ? std::exp(x) - 1.0f : x; }

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<EluOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_float32_or_int8_elementwise(ctx, req));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kFloat32) return Status::Ok();
  if (d.in_arena()) {  // the table is built once, into the arena's op data
    populate_lut_int8(in.scale, in.zero_point, out.scale, out.zero_point, elu_of, d->table);
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const int32_t count = call.data<EluOpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) output[i] = input[i] < 0.0f ? std::expm1(input[i]) : input[i];
}

void invoke_int8(const OpCall& call) {
  const EluOpData& d = call.data<EluOpData>();
  const int8_t* input = static_cast<const int8_t*>(call.input(0));
  int8_t* output = static_cast<int8_t*>(call.output(0));
  for (int32_t i = 0; i < d.count; ++i) output[i] = lut_lookup_int8(input[i], d.table);
}

}  // namespace elu
}  // namespace reference
}  // namespace kernels
}  // namespace strata
