// Test kernels (see test_kernels.hpp).
#include "test_kernels.hpp"

#include <cstring>

#include "tflite_generated.h"

namespace strata_test {
namespace {

using strata::OpCall;
using strata::OpContext;
using strata::OpRequirements;
using strata::Status;
using strata::StatusCode;

int g_invokes = 0;

struct AddData {
  float factor;
  uint32_t elements;
};

Status CheckFloatOp(const OpContext& ctx, uint32_t inputs) {
  if (ctx.num_inputs != inputs || ctx.num_outputs != 1) {
    return strata::OpError(ctx, StatusCode::kMalformedModel, "expects %u inputs", inputs);
  }
  for (uint32_t k = 0; k < inputs; ++k) {
    if (ctx.input(k).present() && ctx.input(k).type != strata::DataType::kFloat32) {
      return strata::OpError(ctx, StatusCode::kUnsupported, "input %u is not float32", k);
    }
  }
  return Status::Ok();
}

Status FillAddData(const OpContext& ctx, void* data) {
  if (data == nullptr) return Status::Ok();
  AddData* d = static_cast<AddData*>(data);
  d->factor = 1.0f;
  d->elements = ctx.output(0).elements;
  return Status::Ok();
}

void AddInvoke(const OpCall& call) {
  ++g_invokes;
  const AddData& d = call.data<AddData>();
  const float* a = static_cast<const float*>(call.input(0));
  const float* b = static_cast<const float*>(call.input(1));
  float* out = static_cast<float*>(call.output(0));
  for (uint32_t i = 0; i < d.elements; ++i) out[i] = (a[i] + b[i]) * d.factor;
}

Status AddPrepare(const OpContext& ctx, OpRequirements* req, void* data) {
  STRATA_RETURN_IF_ERROR(CheckFloatOp(ctx, 2));
  req->variant = strata::Variant::kFloat32;
  req->op_data_bytes = sizeof(AddData);
  // Element i is written after a[i] and b[i] are read: a 1x1 window per element.
  const int32_t n = static_cast<int32_t>(ctx.output(0).elements);
  strata::WindowGeometry g{1, 1, n, 1, n, 1, 1, 0, 0, 4, 4};
  req->inplace_lead_bytes = static_cast<int32_t>(strata::WindowInplaceLead(g));
  return FillAddData(ctx, data);
}

void MulInvoke(const OpCall& call) {
  ++g_invokes;
  const uint32_t n = call.data<AddData>().elements;
  float* scratch = static_cast<float*>(call.scratch());
  std::memcpy(scratch, call.input(0), n * sizeof(float));
  float* out = static_cast<float*>(call.output(0));
  for (uint32_t i = 0; i < n; ++i) out[i] = 2.0f * scratch[i];
}

Status MulPrepare(const OpContext& ctx, OpRequirements* req, void* data) {
  STRATA_RETURN_IF_ERROR(CheckFloatOp(ctx, 1));
  req->variant = strata::Variant::kFloat32;
  req->op_data_bytes = sizeof(AddData);
  req->scratch_bytes = ctx.input(0).bytes;
  return FillAddData(ctx, data);
}

void CopyInvoke(const OpCall& call) {
  ++g_invokes;
  std::memmove(call.output(0), call.input(0), call.data<AddData>().elements * sizeof(float));
}

Status ReshapePrepare(const OpContext& ctx, OpRequirements* req, void* data) {
  req->variant = strata::Variant::kAny;
  req->output_aliases_input = true;
  req->op_data_bytes = sizeof(AddData);
  STRATA_RETURN_IF_ERROR(FillAddData(ctx, data));
  return ctx.input(0).bytes == ctx.output(0).bytes
             ? Status::Ok()
             : strata::OpError(ctx, StatusCode::kMalformedModel, "sizes differ");
}

Status DequantizePrepare(const OpContext& ctx, OpRequirements* req, void* data) {
  if (!ctx.input(0).is_constant || ctx.input(0).type != strata::DataType::kInt8) {
    return strata::OpError(ctx, StatusCode::kUnsupported, "needs a constant int8 input");
  }
  req->variant = strata::Variant::kInt8;
  req->output_is_constant = true;
  req->op_data_bytes = ctx.output(0).bytes;
  if (data == nullptr) return Status::Ok();
  const strata::TensorView& in = ctx.input(0);
  const int8_t* q = static_cast<const int8_t*>(in.data);
  float* out = static_cast<float*>(data);
  for (uint32_t i = 0; i < in.elements; ++i)
    out[i] = in.scale * static_cast<float>(q[i] - in.zero_point);
  return Status::Ok();
}

void PadInvoke(const OpCall& call) {
  ++g_invokes;
  // The optional second input is absent: its slot must be null.
  const float factor = call.optional_input(1) == nullptr ? 1.0f : -1.0f;
  const AddData& d = call.data<AddData>();
  const float* in = static_cast<const float*>(call.input(0));
  float* out = static_cast<float*>(call.output(0));
  for (uint32_t i = 0; i < d.elements; ++i) out[i] = in[i] * factor;
}

Status PadPrepare(const OpContext& ctx, OpRequirements* req, void* data) {
  STRATA_RETURN_IF_ERROR(CheckFloatOp(ctx, 2));
  if (ctx.input(1).present())
    return strata::OpError(ctx, StatusCode::kUnsupported, "input 1 given");
  req->variant = strata::Variant::kFloat32;
  req->op_data_bytes = sizeof(AddData);
  return FillAddData(ctx, data);
}

const strata::KernelVariant kAddVariants[] = {{strata::Variant::kFloat32, AddInvoke}};
const strata::KernelVariant kMulVariants[] = {{strata::Variant::kFloat32, MulInvoke}};
const strata::KernelVariant kCopyVariants[] = {{strata::Variant::kAny, CopyInvoke}};
const strata::KernelVariant kPadVariants[] = {{strata::Variant::kFloat32, PadInvoke}};
const strata::Kernel kAdd = {AddPrepare, kAddVariants, 1};
const strata::Kernel kMul = {MulPrepare, kMulVariants, 1};
const strata::Kernel kReshape = {ReshapePrepare, kCopyVariants, 1};
const strata::Kernel kDequantize = {DequantizePrepare, nullptr, 0};
const strata::Kernel kPad = {PadPrepare, kPadVariants, 1};

const strata::OpRegistration kEntries[] = {
    {tflite::BuiltinOperator_ADD, 1, 2, &kAdd},
    {tflite::BuiltinOperator_MUL, 1, 1, &kMul},
    {tflite::BuiltinOperator_RESHAPE, 1, 1, &kReshape},
    {tflite::BuiltinOperator_DEQUANTIZE, 1, 1, &kDequantize},
    {tflite::BuiltinOperator_PAD, 1, 1, &kPad},
};

const strata::OpResolver kResolver(kEntries, sizeof(kEntries) / sizeof(kEntries[0]));

}  // namespace

const strata::OpResolver& TestResolver() { return kResolver; }
int InvokeCount() { return g_invokes; }
void ResetInvokeCount() { g_invokes = 0; }

}  // namespace strata_test
