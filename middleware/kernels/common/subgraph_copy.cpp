#include "common/subgraph_copy.hpp"

#include "common/op_checks.hpp"
#include "strata/model.hpp"

namespace strata {
namespace kernels {

Status plan_copy(const OpContext& ctx, const TensorView& from, const TensorView& to,
                 const char* what, uint32_t k, TensorCopy* copy) {
  if (!from.present() || !to.present()) {
    return OpError(ctx, StatusCode::kMalformedModel, "%s %u: a tensor is missing", what,
                   static_cast<unsigned>(k));
  }
  if (from.type != to.type || from.bytes != to.bytes) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "%s %u: '%s' (%s, %u bytes) does not fit '%s' (%s, %u bytes)", what,
                   static_cast<unsigned>(k), from.name, DataTypeName(from.type),
                   static_cast<unsigned>(from.bytes), to.name, DataTypeName(to.type),
                   static_cast<unsigned>(to.bytes));
  }
  if (copy != nullptr) {
    copy->to.bits = 0;
    copy->to.ptr = to.data;
    copy->from.bits = 0;
    copy->from.ptr = from.data;
    copy->bytes = from.bytes;
  }
  return Status::Ok();
}

Status check_subgraph_index(const OpContext& ctx, int32_t s, const char* what) {
  const uint32_t count = ctx.graph != nullptr ? ctx.graph->num_subgraphs() : 0;
  if (s <= 0 || static_cast<uint32_t>(s) >= count || static_cast<uint32_t>(s) >= kMaxSubgraphs) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "%s %d is not a subgraph it can run (the model has %u; never 0, below %u)", what,
                   static_cast<int>(s), static_cast<unsigned>(count),
                   static_cast<unsigned>(kMaxSubgraphs));
  }
  return Status::Ok();
}

}  // namespace kernels
}  // namespace strata
