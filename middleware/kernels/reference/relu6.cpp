#include "common/quant_math.hpp"
#include "common/unary_op.hpp"
#include "reference/activations.hpp"
#include "reference/registry.hpp"

namespace strata {
namespace kernels {
namespace reference {

void relu6_float32(int32_t count, const float* input, float* output) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);
  }
}

void relu6_int8(const RequantizeParams& p, int32_t count, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < count; ++i) {
    output[i] = static_cast<int8_t>(clamp_i32(input[i], p.act_min, p.act_max));
  }
}

namespace {

void invoke_float32(const OpCall& call) {
  relu6_float32(call.data<UnaryOpData>().count, static_cast<const float*>(call.input(0)),
                static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const UnaryOpData& d = call.data<UnaryOpData>();
  relu6_int8(unary_params<RequantizeParams>(d), d.count, static_cast<const int8_t*>(call.input(0)),
             static_cast<int8_t*>(call.output(0)));
}

Status check(const OpContext& ctx, OpRequirements* req) {
  const bool is_int8 = ctx.input(0).type == DataType::kInt8;
  const DataType t = is_int8 ? DataType::kInt8 : DataType::kFloat32;
  STRATA_RETURN_IF_ERROR(unary_check(ctx, t, t, req));
  if (is_int8 && (ctx.input(0).scale != ctx.output(0).scale ||
                  ctx.input(0).zero_point != ctx.output(0).zero_point)) {
    // TFLite's int8 RELU6 only clamps: it is defined for identical in/out quantization.
    return OpError(ctx, StatusCode::kUnsupported,
                   "int8 RELU6 needs equal input/output quantization");
  }
  req->invoke = is_int8 ? invoke_int8 : invoke_float32;
  return Status::Ok();
}

Status prepare(const OpContext& ctx, void* op_data) {
  UnaryOpData* d = static_cast<UnaryOpData*>(op_data);
  const TensorView& in = ctx.input(0);
  d->count = static_cast<int32_t>(in.elements);
  if (in.type == DataType::kInt8) {
    compute_relu6_params_int8(in.scale, in.zero_point, unary_params<RequantizeParams>(d));
  }
  return Status::Ok();
}

}  // namespace

extern const Kernel kRelu6 = {check, prepare};

}  // namespace reference
}  // namespace kernels
}  // namespace strata
