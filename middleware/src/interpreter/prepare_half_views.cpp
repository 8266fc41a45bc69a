// PrepareSession: eliding the widening of float16 constants (see prepare_session.hpp).
//
// A float16 model stores its weights as float16 constants, each behind a DEQUANTIZE to float32.
// Folding those at prepare would put a float32 copy of every weight in the arena; instead, when
// every operator that reads the float32 tensor takes float16 weights itself (CONV_2D,
// DEPTHWISE_CONV_2D, FULLY_CONNECTED: Variant::kFloat16), the DEQUANTIZE is elided: its output
// becomes a view of the float16 constant (Storage::kHalfView), its readers see that constant in
// its place, and it costs the arena nothing but its call record. Any other reader (an op without
// a float16-weights variant, a graph output) keeps today's folding.
#include "interpreter/prepare_session.hpp"

namespace strata {

using planner::Storage;

static void ElideHalfWidenings(PrepareSession& session) { session.ElideHalfWidenings(); }
const Float16WeightViews kFloat16WeightViews{&ElideHalfWidenings};

int32_t PrepareSession::HalfRoot(int32_t t) const {
  for (uint32_t k = 0; k < num_half_views_; ++k) {
    if (half_views_[k] == t) return half_roots_[k];
  }
  return -1;
}

void PrepareSession::DropHalfView(int32_t t) {
  for (uint32_t k = 0; k < num_half_views_; ++k) {
    if (half_views_[k] != t) continue;
    tensors_[t].storage = Storage::kPlanned;
    tensors_[t].root = static_cast<uint16_t>(t);
    --num_half_views_;
    half_views_[k] = half_views_[num_half_views_];
    half_roots_[k] = half_roots_[num_half_views_];
    return;
  }
}

// A tensor the subgraphs pass in or out by name must keep its own type and storage.
static bool IsSubgraphIo(const Model& model, int32_t t) {
  for (uint32_t s = 0; s < model.num_subgraphs(); ++s) {
    for (uint32_t k = 0; k < model.subgraph_num_inputs(s); ++k) {
      if (model.subgraph_input(s, k) == t) return true;
    }
    for (uint32_t k = 0; k < model.subgraph_num_outputs(s); ++k) {
      if (model.subgraph_output(s, k) == t) return true;
    }
  }
  return false;
}

// Op i reads a float16 view and its kernel, shown the float16 constants, takes them.
bool PrepareSession::TakesHalfViews(uint32_t i) const {
  TensorView inputs[kMaxOpInputs];
  TensorView outputs[kMaxOpOutputs];
  OpContext ctx;
  BuildContext(i, &ctx, inputs, outputs);
  const Kernel* kernel = nullptr;
  OpRequirements req;
  uint32_t depth = 0;
  return ResolveKernel(ctx, &kernel, &req, &depth).ok() && req.variant == Variant::kFloat16;
}

void PrepareSession::ElideHalfWidenings() {
  num_half_views_ = 0;
  // Candidates: ops whose kernel says output 0 widens input 0, a float16 constant.
  for (uint32_t i = 0; i < model_.num_operators() && num_half_views_ < kMaxHalfViews; ++i) {
    if (model_.op_num_inputs(i) != 1 || model_.op_num_outputs(i) != 1) continue;
    const int32_t in = model_.op_input(i, 0);
    const int32_t out = model_.op_output(i, 0);
    if (in < 0 || out < 0 || tensors_[in].storage != Storage::kConstant ||
        model_.tensor(in).type != DataType::kFloat16 ||
        tensors_[out].storage != Storage::kPlanned || IsSubgraphIo(model_, out)) {
      continue;
    }
    TensorView inputs[kMaxOpInputs];
    TensorView outputs[kMaxOpOutputs];
    OpContext ctx;
    BuildContext(i, &ctx, inputs, outputs);
    const Kernel* kernel = nullptr;
    OpRequirements req;
    uint32_t depth = 0;
    if (!ResolveKernel(ctx, &kernel, &req, &depth).ok() || !req.widens_half_constant) continue;
    tensors_[out].storage = Storage::kHalfView;
    tensors_[out].root = static_cast<uint16_t>(in);
    half_views_[num_half_views_] = static_cast<uint16_t>(out);
    half_roots_[num_half_views_++] = static_cast<uint16_t>(in);
  }
  // Every reader must take them; one that does not turns the views it reads back into folded
  // tensors, which may change what another reader sees, so repeat until nothing changes.
  bool changed = num_half_views_ > 0;
  while (changed) {
    changed = false;
    for (uint32_t i = 0; i < model_.num_operators(); ++i) {
      bool reads_view = false;
      for (uint32_t k = 0; k < model_.op_num_inputs(i); ++k) {
        reads_view = reads_view || HalfRoot(model_.op_input(i, k)) >= 0;
      }
      if (!reads_view || model_.op_num_inputs(i) > kMaxOpInputs ||
          model_.op_num_outputs(i) > kMaxOpOutputs || TakesHalfViews(i)) {
        continue;
      }
      for (uint32_t k = 0; k < model_.op_num_inputs(i); ++k) {
        const int32_t t = model_.op_input(i, k);
        if (HalfRoot(t) < 0) continue;
        DropHalfView(t);
        changed = true;
      }
    }
  }
  // A view nobody reads (its op's output unused) gains nothing: fold it as before.
  for (uint32_t v = 0; v < num_half_views_;) {
    const int32_t t = half_views_[v];
    bool read = false;
    for (uint32_t i = 0; i < model_.num_operators() && !read; ++i) {
      for (uint32_t k = 0; k < model_.op_num_inputs(i); ++k)
        read = read || model_.op_input(i, k) == t;
    }
    if (read) {
      ++v;
    } else {
      DropHalfView(t);
    }
  }
}

// What a reader of float16 view t sees: the float16 constant (type, bytes, data) under t's name
// and shape, which are the constant's too (DEQUANTIZE keeps the shape).
void PrepareSession::ViewAsHalf(int32_t t, TensorView* v) const {
  const int32_t root = HalfRoot(t);
  if (root < 0) return;
  const TensorView r = model_.tensor(root);
  v->type = r.type;
  v->bytes = r.bytes;
  v->is_constant = true;
  v->data = r.data;
}

}  // namespace strata
