// CheckPlan (see plan_check.hpp).
#include "planner/plan_check.hpp"

#include "planner/inplace.hpp"
#include "planner/plan_buffers.hpp"

namespace strata {
namespace planner {
namespace {

// Whether buffers a and b may overlap: they are the in-place pair of an op that can run in place,
// and the output starts at least the op's lead below the input.
bool InPlacePair(const TensorPlan* tensors, const OpPlan* ops, uint32_t num_ops,
                 const PlanBuffer* buffers, uint32_t a, uint32_t b) {
  for (uint32_t i = 0; i < num_ops; ++i) {
    const OpPlan& op = ops[i];
    if (!CanRunInPlace(tensors, op)) continue;
    const uint32_t in = BufferOf(tensors, op.in_root);
    const uint32_t out = BufferOf(tensors, op.out_root);
    if (!((a == in && b == out) || (a == out && b == in))) continue;
    const uint64_t lead = (static_cast<uint32_t>(op.inplace_lead) + 7u) & ~7u;
    return uint64_t{buffers[out].offset} + lead <= buffers[in].offset;
  }
  return false;
}

// Whether buffers a and b may overlap because b is the scratch of an op whose scratch may overlay
// its input 0 (CanOverlayScratch), a is that input, and the scratch starts at or above it.
bool ScratchOverlay(const TensorPlan* tensors, const OpPlan* ops, uint32_t num_ops,
                    const PlanBuffer* buffers, uint32_t num_buffers, uint32_t a, uint32_t b) {
  uint32_t scratch_ops = 0;
  for (uint32_t i = 0; i < num_ops; ++i) scratch_ops += ops[i].scratch_bytes != 0 ? 1 : 0;
  uint32_t scratch =
      num_buffers - scratch_ops;  // scratch buffers follow the tensors' (FillBuffers)
  for (uint32_t i = 0; i < num_ops; ++i) {
    if (ops[i].scratch_bytes == 0) continue;
    if (scratch == b) {
      return CanOverlayScratch(tensors, ops[i]) && BufferOf(tensors, ops[i].in_root) == a &&
             buffers[b].offset >= buffers[a].offset;
    }
    ++scratch;
  }
  return false;
}

}  // namespace

Status CheckPlan(const TensorPlan* tensors, const OpPlan* ops, uint32_t num_ops,
                 const PlanBuffer* buffers, uint32_t num_buffers, uint32_t activation_bytes) {
  for (uint32_t a = 0; a < num_buffers; ++a) {
    const PlanBuffer& x = buffers[a];
    if ((x.offset & 7u) != 0 || uint64_t{x.offset} + x.size > activation_bytes) {
      return Status::Error(StatusCode::kInvalidArgument,
                           "build-time plan: buffer %u (%u bytes at %u) is outside the %u "
                           "activation bytes or misaligned",
                           static_cast<unsigned>(a), static_cast<unsigned>(x.size),
                           static_cast<unsigned>(x.offset),
                           static_cast<unsigned>(activation_bytes));
    }
    for (uint32_t b = 0; b < a; ++b) {
      const PlanBuffer& y = buffers[b];
      const bool live = x.first <= y.last && y.first <= x.last && x.size != 0 && y.size != 0;
      const bool overlap = x.offset < y.offset + y.size && y.offset < x.offset + x.size;
      if (live && overlap && !InPlacePair(tensors, ops, num_ops, buffers, a, b) &&
          !ScratchOverlay(tensors, ops, num_ops, buffers, num_buffers, b, a) &&
          !ScratchOverlay(tensors, ops, num_ops, buffers, num_buffers, a, b)) {
        return Status::Error(StatusCode::kInvalidArgument,
                             "build-time plan: buffers %u and %u overlap while both are live",
                             static_cast<unsigned>(b), static_cast<unsigned>(a));
      }
    }
  }
  return Status::Ok();
}

}  // namespace planner
}  // namespace strata
