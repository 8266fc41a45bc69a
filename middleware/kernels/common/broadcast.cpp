#include "common/broadcast.hpp"

#include "common/checked_math.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace {

// Dimension d (of the output's rank) of operand t right-aligned to `rank` dimensions.
int32_t aligned_dim(const TensorView& t, int32_t rank, int32_t d) {
  const int32_t i = d - (rank - t.rank);
  return i >= 0 ? t.dims[i] : 1;
}

}  // namespace

Status plan_broadcast(const OpContext& ctx, const TensorView* const* operands, int32_t n,
                      const TensorView& out, BroadcastOutput rule, BroadcastPlan* plan) {
  *plan = BroadcastPlan{};
  const int32_t rank = out.rank;
  int32_t max_rank = 0;
  for (int32_t k = 0; k < n; ++k) {
    if (operands[k]->rank > max_rank) max_rank = operands[k]->rank;
  }
  if (rank > kMaxBroadcastRank || max_rank > kMaxBroadcastRank) {
    return OpError(ctx, StatusCode::kUnsupported, "rank %d is above the %d broadcasting supports",
                   static_cast<int>(rank > max_rank ? rank : max_rank),
                   static_cast<int>(kMaxBroadcastRank));
  }
  const bool exact = rule == BroadcastOutput::kBroadcastShape;
  if (max_rank > rank || (exact && max_rank != rank)) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' has rank %d, the broadcast of its inputs rank %d", out.name,
                   static_cast<int>(rank), static_cast<int>(max_rank));
  }
  // Check every dimension; note per operand whether it repeats along it.
  bool repeats[kMaxBroadcastOperands][kMaxBroadcastRank] = {};
  for (int32_t d = 0; d < rank; ++d) {
    int32_t shape = 1;  // the broadcast of the operands' dimensions
    int32_t from = 0;   // an operand that has it
    for (int32_t k = 0; k < n; ++k) {
      const int32_t v = aligned_dim(*operands[k], rank, d);
      if (v == 1) continue;
      if (shape != 1 && v != shape) {
        return OpError(ctx, StatusCode::kMalformedModel,
                       "'%s' and '%s' do not broadcast: dimension %d is %d and %d",
                       operands[from]->name, operands[k]->name, static_cast<int>(d),
                       static_cast<int>(shape), static_cast<int>(v));
      }
      shape = v;
      from = k;
    }
    if (out.dims[d] != shape && (exact || shape != 1)) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "output '%s' dimension %d is %d, broadcasting its inputs gives %d", out.name,
                     static_cast<int>(d), static_cast<int>(out.dims[d]), static_cast<int>(shape));
    }
    for (int32_t k = 0; k < n; ++k)
      repeats[k][d] = aligned_dim(*operands[k], rank, d) != out.dims[d];
  }
  uint32_t count = 0;
  STRATA_RETURN_IF_ERROR(require_size(ctx, shape_elements(out.dims, rank), "the output", &count));
  plan->count = static_cast<int32_t>(count);
  bool flat = true;
  for (int32_t k = 0; k < n; ++k) flat = flat && operands[k]->elements == count;
  if (flat || count == 0) return Status::Ok();  // rank 0: one flat loop
  // Drop dimensions of 1; merge a dimension into the previous one when every operand repeats
  // along both or along neither.
  int32_t merged = 0;
  bool merged_repeats[kMaxBroadcastOperands][kMaxBroadcastRank] = {};
  for (int32_t d = 0; d < rank; ++d) {
    if (out.dims[d] == 1) continue;
    bool same = merged > 0;
    for (int32_t k = 0; k < n && same; ++k) same = merged_repeats[k][merged - 1] == repeats[k][d];
    if (same) {
      plan->out[merged - 1] *= out.dims[d];
      continue;
    }
    plan->out[merged] = out.dims[d];
    for (int32_t k = 0; k < n; ++k) merged_repeats[k][merged] = repeats[k][d];
    ++merged;
  }
  plan->rank = merged;
  for (int32_t k = 0; k < n; ++k) {
    int32_t step = 1;
    for (int32_t d = merged - 1; d >= 0; --d) {
      plan->stride[k][d] = merged_repeats[k][d] ? 0 : step;
      if (!merged_repeats[k][d]) step *= plan->out[d];
    }
  }
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
