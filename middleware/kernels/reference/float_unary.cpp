// NEG, CEIL, FLOOR, ROUND, SQRT, SQUARE, SIN, COS, LOG, EXP: one float32 function applied element
// by element. TensorFlow Lite Micro's reference kernels accept float32 only for these ops; the
// output has the input's shape. ROUND rounds half to even (as tf.round), not half away from zero.
// Each op has its own namespace, so a model links only the functions of the ops it uses.
#include <cmath>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct FloatUnaryOpData {
  int32_t count;
  int32_t reserved;
};

Status prepare_float_unary(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<FloatUnaryOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_elementwise(ctx, req));
  if (ctx.input(0).type != DataType::kFloat32) return unsupported_input_type(ctx, "float32");
  d->count = static_cast<int32_t>(ctx.input(0).elements);
  req->variant = Variant::kFloat32;
  return Status::Ok();
}

template <float (*kFunction)(float)>
void apply(const OpCall& call) {
  const int32_t count = call.data<FloatUnaryOpData>().count;
  const float* input = static_cast<const float*>(call.input(0));
  float* output = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < count; ++i) output[i] = kFunction(input[i]);
}

float negate(float x) { return -x; }
float ceil_of(float x) { return std::ceil(x); }
float floor_of(float x) { return std::floor(x); }
float squared(float x) { return x * x; }
float sqrt_of(float x) { return std::sqrt(x); }
float sin_of(float x) { return std::sin(x); }
float cos_of(float x) { return std::cos(x); }
float log_of(float x) { return std::log(x); }
float exp_of(float x) { return std::exp(x); }

// Nearest integer, ties to the even one (2.5 -> 2, 3.5 -> 4, -2.5 -> -2).
float round_half_even(float x) {
  if (!(std::fabs(x) < 8388608.0f)) return x;  // |x| >= 2^23 is whole already; NaN stays NaN
  const float below = std::floor(x);
  const float fraction = x - below;
  if (fraction < 0.5f) return below;
  if (fraction > 0.5f) return below + 1.0f;
  // |x| < 2^23 here, so `below` fits an int32.
  return static_cast<int32_t>(below) % 2 == 0 ? below : below + 1.0f;
}

}  // namespace

namespace neg {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<negate>(call); }
}  // namespace neg

namespace ceil {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<ceil_of>(call); }
}  // namespace ceil

namespace floor {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<floor_of>(call); }
}  // namespace floor

namespace round {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<round_half_even>(call); }
}  // namespace round

namespace sqrt {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<sqrt_of>(call); }
}  // namespace sqrt

namespace square {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<squared>(call); }
}  // namespace square

namespace sin {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<sin_of>(call); }
}  // namespace sin

namespace cos {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<cos_of>(call); }
}  // namespace cos

namespace log {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<log_of>(call); }
}  // namespace log

namespace exp {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return prepare_float_unary(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { apply<exp_of>(call); }
}  // namespace exp

}  // namespace reference
}  // namespace kernels
}  // namespace strata
