// PrepareSession: arena checks, kernel resolution and the check phase (see prepare_session.hpp).
#include "interpreter/prepare_session.hpp"

#include <string.h>

#include "strata/format.hpp"

namespace strata {

using planner::kNoLocation;
using planner::kNoTensor;
using planner::Storage;

namespace {

// Whether `text` contains `part`: what strstr says, in a few bytes. strstr would link newlib's
// two-way search (about 1.3 KB of flash with strchr, strnlen and memcmp) for one list of names.
bool Contains(const char* text, const char* part) {
  const size_t n = strlen(part);
  for (; *text != '\0'; ++text) {
    if (strncmp(text, part, n) == 0) return true;
  }
  return n == 0;
}

}  // namespace

PrepareSession::PrepareSession(const Model& model, const OpResolver& resolver, uint8_t* arena,
                               size_t arena_bytes, const BuildTimePlan* plan,
                               const PlacementSearch* search, const SubgraphRunner* runner)
    : model_(model),
      resolver_(resolver),
      arena_(arena),
      // Only whole 8-byte units are used, so the plan never depends on a ragged arena end.
      arena_bytes_(static_cast<uint32_t>((arena_bytes > 0xFFFFFFF0u ? 0xFFFFFFF0u : arena_bytes) &
                                         ~size_t{kArenaAlignment - 1})),
      plan_(plan),
      search_(search),
      float16_weights_(search != nullptr ? search->float16_weights : plan->float16_weights),
      runner_(runner) {}

Status PrepareSession::Run(PreparedGraph* out) {
  Status s = CheckArena();
  if (s.ok()) s = CheckOps();
  if (s.ok()) s = Plan();
  if (s.ok()) s = Bind(out);
  out->usage = usage_;
  return s;
}

Status PrepareSession::TooSmall(uint64_t needed, bool exact) {
  usage_.total_bytes = needed > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(needed);
  return Status::Error(StatusCode::kArenaTooSmall,
                       exact ? "arena too small: model needs %'u bytes, got %'u"
                             : "arena too small: model needs at least %'u bytes, got %'u",
                       static_cast<unsigned>(usage_.total_bytes),
                       static_cast<unsigned>(arena_bytes_));
}

Status PrepareSession::CheckArena() {
  if (!model_.loaded()) return Status::Error(StatusCode::kNotReady, "model is not loaded");
  if (arena_ == nullptr) return Status::Error(StatusCode::kInvalidArgument, "arena is null");
  if ((reinterpret_cast<uintptr_t>(arena_) & (kArenaAlignment - 1)) != 0) {
    return Status::Error(StatusCode::kInvalidArgument, "arena must be %u-byte aligned",
                         static_cast<unsigned>(kArenaAlignment));
  }
  uint32_t io_slots = 0;
  for (uint32_t k = 0; k < model_.num_inputs() + model_.num_outputs(); ++k) {
    const bool input = k < model_.num_inputs();
    const int32_t t =
        input ? model_.input_tensor(k) : model_.output_tensor(k - model_.num_inputs());
    io_slots += ReferencedByOp(model_, t) ? 0 : 1;
  }
  io_bytes_ = static_cast<uint32_t>(sizeof(ArenaPtr<void>)) * io_slots;
  tables_bytes_ = AlignUp(model_.num_tensors() * static_cast<uint32_t>(sizeof(TensorPlan))) +
                  model_.num_operators() * static_cast<uint32_t>(sizeof(OpPlan));
  if (io_bytes_ + static_cast<uint64_t>(tables_bytes_) > arena_bytes_) {
    return TooSmall(io_bytes_ + static_cast<uint64_t>(tables_bytes_), false);
  }
  // The tables start at the tail; Plan() moves them next to the records once those are known.
  uint8_t* tables = arena_ + arena_bytes_ - tables_bytes_;
  tensors_ = reinterpret_cast<TensorPlan*>(tables);
  ops_ = reinterpret_cast<OpPlan*>(
      tables + AlignUp(model_.num_tensors() * static_cast<uint32_t>(sizeof(TensorPlan))));
  ClassifyTensors();
  return Status::Ok();
}

// Before any operator is checked: model constants and variables are what the file says, every
// other tensor is an activation to plan (operators may turn some into aliases or folded constants).
void PrepareSession::ClassifyTensors() {
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    const int32_t i = static_cast<int32_t>(t);
    const Storage storage = model_.tensor_is_constant(i)   ? Storage::kConstant
                            : model_.tensor_is_variable(i) ? Storage::kPersistent
                                                           : Storage::kPlanned;
    tensors_[t] =
        TensorPlan{kNoLocation, static_cast<uint16_t>(t), storage, 0, planner::kNoStep, 0};
  }
}

// The first kernel along the resolver chain whose prepare() accepts the operator and that has the
// variant it chose (a backend hands the variants it lacks, and operators it declines with
// use_fallback, to its fallback). Fills *req from that
// prepare() and *depth with the kernel's position in the chain.
Status PrepareSession::ResolveKernel(const OpContext& ctx, const Kernel** kernel,
                                     OpRequirements* req, uint32_t* depth) const {
  const uint32_t i = ctx.op_index;
  const int code = ctx.builtin_code;
  const int version = ctx.version;
  if (model_.op_custom_code(i) != nullptr && code == 32 /* CUSTOM */) {
    return Status::Error(StatusCode::kUnsupported, "operator %u: custom op '%s' is not supported",
                         static_cast<unsigned>(i), model_.op_custom_code(i));
  }
  Variant lacking = Variant::kNone;  // the variant the first kernel found chose, if none had it
  uint32_t d = 0;
  for (const OpResolver* r = &resolver_; r != nullptr; r = r->fallback(), ++d) {
    const Kernel* k = r->FindOwn(code, version);
    if (k == nullptr) continue;
    OpRequirements rq;
    STRATA_RETURN_IF_ERROR(k->prepare(ctx, &rq, nullptr));
    if (!rq.use_fallback && (rq.output_is_constant || k->invoke_for(rq.variant) != nullptr)) {
      if (rq.variant == Variant::kNone || d > (0xFFu >> OpCall::kDepthShift)) break;
      *kernel = k;
      *req = rq;
      *depth = d;
      return Status::Ok();
    }
    if (lacking == Variant::kNone) lacking = rq.variant;
  }
  if (lacking != Variant::kNone) {
    return OpError(ctx, StatusCode::kUnsupported, "its %s variant is not in this build's kernels",
                   VariantName(lacking));
  }
  const OpRegistration* any = resolver_.FindAnyVersion(code);
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

// The kernel ResolveKernel chose for op i, from the depth recorded in its call record.
Status PrepareSession::KernelAtDepth(uint32_t i, uint32_t depth, const Kernel** kernel) const {
  const OpResolver* r = &resolver_;
  for (uint32_t d = 0; d < depth && r != nullptr; ++d) r = r->fallback();
  *kernel = r != nullptr ? r->FindOwn(model_.op_code(i), model_.op_version(i)) : nullptr;
  if (*kernel == nullptr) {
    return Status::Error(StatusCode::kInternal, "operator %u: its kernel is gone",
                         static_cast<unsigned>(i));
  }
  return Status::Ok();
}

void PrepareSession::BuildContext(uint32_t i, OpContext* ctx, TensorView* inputs,
                                  TensorView* outputs, const OpCall* call) const {
  ctx->op_index = i;
  ctx->builtin_code = model_.op_code(i);
  ctx->version = model_.op_version(i);
  ctx->op = model_.op(i);
  ctx->num_inputs = model_.op_num_inputs(i);
  ctx->num_outputs = model_.op_num_outputs(i);
  for (uint32_t k = 0; k < ctx->num_inputs; ++k) {
    const int32_t t = model_.op_input(i, k);
    inputs[k] = call ? SlotView(t, call->input(k)) : View(t);
  }
  for (uint32_t k = 0; k < ctx->num_outputs; ++k) {
    const int32_t t = model_.op_output(i, k);
    // The op that writes a float16 view (an elided DEQUANTIZE) still sees its float32 output.
    outputs[k] = HalfRoot(t) >= 0 ? model_.tensor(t)
                 : call           ? SlotView(t, call->output(k))
                                  : View(t);
  }
  ctx->inputs = inputs;
  ctx->outputs = outputs;
  ctx->graph = this;
}

// Every operator is checked even after one is refused, so that a model with several unsupported
// operators (or types) names them all at once, not one per attempt.
Status PrepareSession::CheckOps() {
  records_end_ = io_bytes_;
  if (float16_weights_ != nullptr) float16_weights_->elide(*this);
  Status first;
  uint32_t refused = 0;
  char names[160] = "";
  size_t used = 0;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    Status s = CheckOp(i);
    if (s.ok()) continue;
    if (s.code() != StatusCode::kUnsupported) return s;
    if (refused++ == 0) first = s;
    // "LSTM (float32)" or "custom 'MyOp' (int8)", each name once.
    char name[64];
    const char* custom = model_.op_custom_code(i);
    const int32_t in = model_.op_num_inputs(i) > 0 ? model_.op_input(i, 0) : -1;
    const char* type = in >= 0 ? DataTypeName(model_.tensor(in).type) : "no input";
    if (custom != nullptr && model_.op_code(i) == 32 /* CUSTOM */) {
      Format(name, sizeof(name), "custom '%s' (%s)", custom, type);
    } else {
      Format(name, sizeof(name), "%s (%s)", OpName(model_.op_code(i)), type);
    }
    if (!Contains(names, name) && used + strlen(name) + 3 < sizeof(names)) {
      used += Format(names + used, sizeof(names) - used, "%s%s", used > 0 ? ", " : "", name);
    }
  }
  if (refused <= 1) return first;
  return Status::Error(StatusCode::kUnsupported, "%u operators are not supported: %s; first: %s",
                       static_cast<unsigned>(refused), names, first.message());
}

Status PrepareSession::CheckOp(uint32_t i) {
  const uint32_t num_in = model_.op_num_inputs(i);
  const uint32_t num_out = model_.op_num_outputs(i);
  if (num_in > kMaxOpInputs || num_out > kMaxOpOutputs) {
    return Status::Error(StatusCode::kUnsupported,
                         "operator %u (%s): %u inputs and %u outputs, at most %u and %u supported",
                         static_cast<unsigned>(i), OpName(model_.op_code(i)),
                         static_cast<unsigned>(num_in), static_cast<unsigned>(num_out),
                         static_cast<unsigned>(kMaxOpInputs), static_cast<unsigned>(kMaxOpOutputs));
  }
  TensorView inputs[kMaxOpInputs];
  TensorView outputs[kMaxOpOutputs];
  OpContext ctx;
  BuildContext(i, &ctx, inputs, outputs);
  const Kernel* kernel = nullptr;
  OpRequirements req;
  uint32_t depth = 0;
  STRATA_RETURN_IF_ERROR(ResolveKernel(ctx, &kernel, &req, &depth));
  // An elided widening: no op data, no slots (its readers point at the constant themselves).
  const bool elided = num_out > 0 && HalfRoot(model_.op_output(i, 0)) >= 0;
  if (elided) req.op_data_bytes = 0;
  const bool runs = !elided && !req.output_aliases_input && !req.output_is_constant;
  const bool scratch = runs && req.scratch_bytes > 0;
  const uint32_t in_slots = elided ? 0 : (req.input_slots > num_in ? req.input_slots : num_in);
  if (in_slots > kMaxOpInputs) {
    return OpError(ctx, StatusCode::kInternal, "kernel asks for %u input slots",
                   static_cast<unsigned>(in_slots));
  }
  const uint32_t graph_slots = req.subgraphs != 0 ? SubgraphIoCount(model_) : 0;
  const uint32_t slots = in_slots + (elided ? 0 : num_out) + (scratch ? 1 : 0) + graph_slots;
  if (req.op_data_bytes > 0x7FFFFFF0u || req.scratch_bytes > 0x7FFFFFF0u) {
    return OpError(ctx, StatusCode::kUnsupported, "kernel asks for more than 2 GiB");
  }
  if ((req.subgraphs >> model_.num_subgraphs()) != 0 || (req.subgraphs & 1u) != 0) {
    return OpError(ctx, StatusCode::kMalformedModel, "runs a subgraph the model does not have");
  }
  if (!elided) STRATA_RETURN_IF_ERROR(ApplyRequirements(ctx, req));
  STRATA_RETURN_IF_ERROR(RequestState(ctx, req));
  // The in-place pair: input 0 and output 0, unless input 0's storage is read as another input too
  // (the lead only describes input 0).
  int32_t in_root = Root(model_.op_input(i, 0));
  for (uint32_t k = 1; k < num_in && in_root >= 0; ++k) {
    if (Root(model_.op_input(i, k)) == in_root) in_root = -1;
  }
  const int32_t out_root = Root(model_.op_output(i, 0));
  ops_[i] = OpPlan{AlignUp(req.op_data_bytes),
                   scratch ? AlignUp(req.scratch_bytes) : 0,
                   runs ? req.inplace_lead_bytes : -1,
                   in_root >= 0 ? static_cast<uint16_t>(in_root) : kNoTensor,
                   out_root >= 0 ? static_cast<uint16_t>(out_root) : kNoTensor,
                   0,
                   0,
                   req.subgraphs,
                   static_cast<uint8_t>(
                       scratch && req.scratch_overlay == ScratchOverlay::kFromInputStart ? 1 : 0),
                   {0, 0}};
  const uint32_t record = static_cast<uint32_t>(sizeof(OpCall) + sizeof(ArenaPtr<void>) * slots);
  op_data_bytes_ += ops_[i].op_data_bytes;
  if (uint64_t{records_end_} + record + op_data_bytes_ > 0x7FFFFFF0u) {
    return Status::Error(StatusCode::kUnsupported, "persistent data exceeds 2 GiB");
  }
  dry_ = dry_ || arena_ + records_end_ + record > reinterpret_cast<const uint8_t*>(tensors_);
  if (!dry_) {
    OpCall* call = reinterpret_cast<OpCall*>(arena_ + records_end_);
    memset(call, 0, record);
    call->invoke.fn = runs ? kernel->invoke_for(req.variant) : nullptr;
    call->num_inputs = static_cast<uint8_t>(in_slots);
    call->num_outputs_flags =
        static_cast<uint8_t>((elided ? 0 : num_out) | (scratch ? OpCall::kHasScratch : 0));
    call->stride_words = static_cast<uint8_t>(record / 8);
    call->kernel_bits =
        static_cast<uint8_t>(static_cast<uint32_t>(req.variant) | (depth << OpCall::kDepthShift));
  }
  records_end_ += record;
  return Status::Ok();
}

Status PrepareSession::ApplyRequirements(const OpContext& ctx, const OpRequirements& req) {
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  if (req.output_aliases_input) {
    if (!in.present() || !out.present() || in.bytes != out.bytes || Root(in.index) == out.index ||
        tensors_[out.index].storage != Storage::kPlanned) {
      return OpError(ctx, StatusCode::kInternal, "kernel aliases output to an incompatible input");
    }
    // Constants are never written: an output may share a constant's bytes only because nothing
    // writes it (one producer per tensor, model_checks), and it is never an in-place input
    // (aliases of constants are not planned).
    tensors_[out.index].root = static_cast<uint16_t>(Root(in.index));
    tensors_[out.index].storage = Storage::kAlias;
    return Status::Ok();
  }
  if (req.output_is_constant) {
    for (uint32_t k = 0; k < ctx.num_inputs; ++k) {
      if (ctx.input(k).present() && !ctx.input(k).is_constant) {
        return OpError(ctx, StatusCode::kInternal, "kernel folds an op with non-constant input %u",
                       static_cast<unsigned>(k));
      }
    }
    if (!out.present() || req.op_data_bytes < out.bytes ||
        tensors_[out.index].storage != Storage::kPlanned) {
      return OpError(ctx, StatusCode::kInternal, "kernel folds its output into too little op data");
    }
    tensors_[out.index].storage = Storage::kFolded;  // its location: LayOutPersistent
  }
  return Status::Ok();
}

}  // namespace strata
