// PrepareSession: arena checks, kernel resolution and the check phase (see prepare_session.hpp).
#include "interpreter/prepare_session.hpp"

#include <string.h>

namespace strata {

PrepareSession::PrepareSession(Interpreter& interpreter)
    : in_(interpreter),
      model_(*interpreter.model_),
      arena_(interpreter.arena_),
      arena_bytes_(interpreter.arena_bytes_ > 0xFFFFFFFFu
                       ? 0xFFFFFFFFu
                       : static_cast<uint32_t>(interpreter.arena_bytes_)) {}

Status PrepareSession::Run() {
  STRATA_RETURN_IF_ERROR(CheckArena());
  STRATA_RETURN_IF_ERROR(CheckOps());
  AssignOpData();
  STRATA_RETURN_IF_ERROR(Plan());
  STRATA_RETURN_IF_ERROR(Bind());
  in_.tensors_ = tensors_;
  in_.calls_ = reinterpret_cast<const uint8_t*>(calls_);
  in_.num_calls_ = model_.num_operators();
  return Status::Ok();
}

Status PrepareSession::TooSmall(uint32_t needed, bool exact) {
  in_.usage_.total_bytes = needed;
  return Status::Error(StatusCode::kArenaTooSmall,
                       exact ? "arena too small: model needs %'u bytes, got %'u"
                             : "arena too small: model needs at least %'u bytes, got %'u",
                       static_cast<unsigned>(needed), static_cast<unsigned>(arena_bytes_));
}

Status PrepareSession::CheckArena() {
  if (!model_.loaded()) return Status::Error(StatusCode::kNotReady, "model is not loaded");
  if (arena_ == nullptr) return Status::Error(StatusCode::kInvalidArgument, "arena is null");
  if ((reinterpret_cast<uintptr_t>(arena_) & (kArenaAlignment - 1)) != 0) {
    return Status::Error(StatusCode::kInvalidArgument, "arena must be %u-byte aligned",
                         static_cast<unsigned>(kArenaAlignment));
  }
  tensor_table_bytes_ = AlignUp(model_.num_tensors() * static_cast<uint32_t>(sizeof(TensorRecord)));
  uint64_t records = 0;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    records += sizeof(OpCall) + sizeof(ArenaPtr<void>) *
                                    (uint64_t{model_.op_num_inputs(i)} + model_.op_num_outputs(i));
  }
  if (tensor_table_bytes_ + records > 0x7FFFFFFFu) {
    return Status::Error(StatusCode::kUnsupported, "model bookkeeping exceeds 2 GiB");
  }
  records_bytes_ = static_cast<uint32_t>(records);
  const uint32_t metadata = tensor_table_bytes_ + records_bytes_;
  if (metadata > arena_bytes_) return TooSmall(metadata, false);
  tensors_ = reinterpret_cast<TensorRecord*>(arena_);
  calls_ = reinterpret_cast<OpCall*>(arena_ + tensor_table_bytes_);
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    tensors_[t] = TensorRecord{TensorRecord::kNoLocation, TensorRecord::kNotPlanned, 0};
  }
  return Status::Ok();
}

Status PrepareSession::ResolveKernel(uint32_t i, const Kernel** kernel) const {
  const int32_t code = model_.op_code(i);
  const int32_t version = model_.op_version(i);
  if (model_.op_custom_code(i) != nullptr && code == 32 /* CUSTOM */) {
    return Status::Error(StatusCode::kUnsupported, "operator %u: custom op '%s' is not supported",
                         static_cast<unsigned>(i), model_.op_custom_code(i));
  }
  *kernel = in_.resolver_->Find(code, version);
  if (*kernel != nullptr) return Status::Ok();
  const OpRegistration* any = in_.resolver_->FindAnyVersion(code);
  if (any != nullptr) {
    return Status::Error(StatusCode::kUnsupported,
                         "operator %u: op %s (code %d) version %d is not supported (kernel has "
                         "versions %d-%d)",
                         static_cast<unsigned>(i), OpName(code), code, version,
                         static_cast<int>(any->min_version), static_cast<int>(any->max_version));
  }
  return Status::Error(StatusCode::kUnsupported,
                       "operator %u: op %s (code %d) version %d is not supported",
                       static_cast<unsigned>(i), OpName(code), code, version);
}

void PrepareSession::BuildContext(uint32_t i, OpContext* ctx, TensorView* inputs,
                                  TensorView* outputs) const {
  ctx->op_index = i;
  ctx->builtin_code = model_.op_code(i);
  ctx->version = model_.op_version(i);
  ctx->op = model_.op(i);
  ctx->num_inputs = model_.op_num_inputs(i);
  ctx->num_outputs = model_.op_num_outputs(i);
  for (uint32_t k = 0; k < ctx->num_inputs; ++k) inputs[k] = View(model_.op_input(i, k));
  for (uint32_t k = 0; k < ctx->num_outputs; ++k) outputs[k] = View(model_.op_output(i, k));
  ctx->inputs = inputs;
  ctx->outputs = outputs;
}

Status PrepareSession::CheckOps() {
  OpCall* call = calls_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    STRATA_RETURN_IF_ERROR(CheckOp(i, call));
    call = NextCall(call);
  }
  return Status::Ok();
}

Status PrepareSession::CheckOp(uint32_t i, OpCall* call) {
  const Kernel* kernel = nullptr;
  STRATA_RETURN_IF_ERROR(ResolveKernel(i, &kernel));
  if (model_.op_num_inputs(i) > kMaxOpInputs || model_.op_num_outputs(i) > kMaxOpOutputs) {
    return Status::Error(StatusCode::kUnsupported,
                         "operator %u (%s): %u inputs and %u outputs, at most %u and %u supported",
                         static_cast<unsigned>(i), OpName(model_.op_code(i)),
                         static_cast<unsigned>(model_.op_num_inputs(i)),
                         static_cast<unsigned>(model_.op_num_outputs(i)),
                         static_cast<unsigned>(kMaxOpInputs), static_cast<unsigned>(kMaxOpOutputs));
  }
  TensorView inputs[kMaxOpInputs];
  TensorView outputs[kMaxOpOutputs];
  OpContext ctx;
  BuildContext(i, &ctx, inputs, outputs);
  OpRequirements req;
  STRATA_RETURN_IF_ERROR(kernel->check(ctx, &req));
  STRATA_RETURN_IF_ERROR(ApplyRequirements(ctx, req));
  const bool runs = !req.output_aliases_input && !req.output_is_constant;
  memset(call, 0, sizeof(OpCall) + sizeof(ArenaPtr<void>) * (ctx.num_inputs + ctx.num_outputs));
  call->invoke.fn = runs ? req.invoke : nullptr;
  call->op_data.bits = req.op_data_bytes;  // parked sizes, see AssignOpData / Plan
  call->scratch.bits = runs ? AlignUp(req.scratch_bytes) : 0;
  call->op_index = static_cast<uint16_t>(i);
  call->builtin_code = static_cast<uint16_t>(ctx.builtin_code);
  call->num_inputs = static_cast<uint8_t>(ctx.num_inputs);
  call->num_outputs = static_cast<uint8_t>(ctx.num_outputs);
  return Status::Ok();
}

Status PrepareSession::ApplyRequirements(const OpContext& ctx, const OpRequirements& req) {
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (req.op_data_bytes > 0x7FFFFFFFu || req.scratch_bytes > 0x7FFFFFFFu) {
    return OpError(ctx, StatusCode::kUnsupported, "kernel asks for more than 2 GiB");
  }
  if (req.output_aliases_input) {
    if (!in.present() || !out.present() || in.bytes != out.bytes || Root(in.index) == out.index) {
      return OpError(ctx, StatusCode::kInternal, "kernel aliases output to an incompatible input");
    }
    tensors_[out.index] = TensorRecord{static_cast<uint32_t>(Root(in.index)), TensorRecord::kAlias, 0};
    return Status::Ok();
  }
  if (req.output_is_constant) {
    for (uint32_t k = 0; k < ctx.num_inputs; ++k) {
      if (ctx.input(k).present() && !ctx.input(k).is_constant) {
        return OpError(ctx, StatusCode::kInternal, "kernel folds an op with non-constant input %u",
                       static_cast<unsigned>(k));
      }
    }
    if (!out.present() || req.op_data_bytes < out.bytes) {
      return OpError(ctx, StatusCode::kInternal, "kernel folds its output into too little op data");
    }
    tensors_[out.index] = TensorRecord{kFoldedPending, TensorRecord::kNotPlanned, 0};
    return Status::Ok();
  }
  if (req.invoke == nullptr) {
    return OpError(ctx, StatusCode::kInternal, "kernel check returned no invoke function");
  }
  return Status::Ok();
}

OpCall* PrepareSession::NextCall(OpCall* call) const {
  return reinterpret_cast<OpCall*>(reinterpret_cast<uint8_t*>(call) + call->size_bytes());
}

}  // namespace strata
