// PrepareSession: the persistent layout, then the activations' placement (see
// prepare_session.hpp): the planner's search, or the check of a build-time plan.
#include <string.h>

#include "interpreter/prepare_session.hpp"
#include "planner/inplace.hpp"
#include "planner/lifetimes.hpp"
#include "planner/plan_buffers.hpp"
#include "planner/plan_check.hpp"
#include "planner/schedule.hpp"

namespace strata {

using planner::kNoLocation;
using planner::Storage;

// Op data in one block after the records (a folded constant is the start of its op data), then
// the variables: variable tensors and the operators' state blocks.
void PrepareSession::LayOutPersistent() {
  uint32_t data = records_end_;
  uint8_t* p = arena_ + io_bytes_;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    const uint32_t bytes = ops_[i].op_data_bytes;
    if (!dry_) {
      OpCall* call = reinterpret_cast<OpCall*>(p);
      call->data_offset = bytes != 0 ? data - static_cast<uint32_t>(p - arena_) : 0;
      p += call->stride_words * 8u;
    }
    const int32_t out = model_.op_output(i, 0);
    if (out >= 0 && tensors_[out].storage == Storage::kFolded &&
        tensors_[out].location == kNoLocation) {
      tensors_[out].location = data;
    }
    data += bytes;
  }
  const uint32_t variables = data;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (tensors_[t].storage != Storage::kPersistent) continue;
    tensors_[t].location = data;
    data += AlignUp(model_.tensor_bytes(static_cast<int32_t>(t)));
  }
  for (uint32_t k = 0; k < num_states_; ++k) {  // operators' state blocks: variables too
    state_locations_[k] = data;
    data += state_bytes_[k];
  }
  variables_bytes_ = data - variables;
  persistent_ = data;
  usage_.persistent_bytes = persistent_;
}

const PlacementSearch PrepareSession::kSearch{&PrepareSession::PlaceActivations,
                                              &kFloat16WeightViews};

// The planner's search: in-place groups, then the packing.
Status PrepareSession::PlaceActivations(PlanBuffer* buffers, uint32_t n, uint32_t steps,
                                        void* work) {
  usage_.tensor_lower_bound = PlanLowerBound(buffers, n, steps, work);
  planner::ChooseInPlace(tensors_, model_.num_tensors(), ops_, model_.num_operators(), buffers, n,
                         steps, work);
  const PlanResult plan = PlanArena(buffers, n, steps, work);
  usage_.activation_bytes = plan.bytes;
  usage_.activation_lower_bound = plan.lower_bound;
  return Status::Ok();
}

// The build-time plan: its offsets for the buffers this device computed, then the check.
Status PrepareSession::TakeBuildTimePlan(PlanBuffer* buffers, uint32_t n) {
  const BuildTimePlan& plan = *plan_;
  if (plan.num_tensors != model_.num_tensors() || plan.num_ops != model_.num_operators() ||
      plan.tensor_offsets == nullptr || plan.scratch_offsets == nullptr) {
    return Status::Error(
        StatusCode::kInvalidArgument,
        "build-time plan is for %u tensors and %u operators, the model has %u "
        "and %u",
        static_cast<unsigned>(plan.num_tensors), static_cast<unsigned>(plan.num_ops),
        static_cast<unsigned>(model_.num_tensors()), static_cast<unsigned>(model_.num_operators()));
  }
  uint32_t b = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (planner::HasBuffer(tensors_, t)) buffers[b++].offset = plan.tensor_offsets[t];
  }
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (ops_[i].scratch_bytes != 0) buffers[b++].offset = plan.scratch_offsets[i];
  }
  for (uint32_t k = 0; k < n; ++k) {
    if (buffers[k].offset == kNoLocation) {
      return Status::Error(StatusCode::kInvalidArgument,
                           "build-time plan has no place for buffer %u of this model",
                           static_cast<unsigned>(k));
    }
  }
  STRATA_RETURN_IF_ERROR(planner::CheckPlan(tensors_, ops_, model_.num_operators(), buffers, n,
                                            plan.activation_bytes));
  usage_.activation_bytes = plan.activation_bytes;
  usage_.activation_lower_bound = plan.activation_lower_bound;
  usage_.tensor_lower_bound = plan.tensor_lower_bound;
  return Status::Ok();
}

Status PrepareSession::Plan() {
  LayOutPersistent();
  uint32_t steps = 0;
  STRATA_RETURN_IF_ERROR(planner::AssignSteps(model_, ops_, &steps));
  STRATA_RETURN_IF_ERROR(planner::MarkLifetimes(model_, ops_, steps, tensors_));
  const uint32_t n =
      planner::CountBuffers(tensors_, model_.num_tensors(), ops_, model_.num_operators());
  if (n >= 0xFFFF) return Status::Error(StatusCode::kUnsupported, "more than 65534 buffers");
  const uint32_t buffers_bytes = AlignUp(n * static_cast<uint32_t>(sizeof(PlanBuffer)));
  const uint32_t work_bytes =
      plan_ != nullptr ? 0 : planner::InPlaceWorkBytes(ops_, model_.num_operators(), n, steps);
  const uint32_t temp_bytes = tables_bytes_ + buffers_bytes + work_bytes;
  usage_.planner_bytes = temp_bytes;
  // The tables move onto the op data block, which is written only after planning. When the
  // planning memory does not fit there the arena is too small anyway; planning from the arena
  // start (over the records) still yields the exact size to report.
  const uint64_t temp_end = uint64_t{records_end_} + temp_bytes;
  if (temp_end > arena_bytes_) dry_ = true;
  if (temp_bytes > arena_bytes_) {
    return TooSmall(temp_end > persistent_ ? temp_end : persistent_, false);
  }
  uint8_t* tables = arena_ + (dry_ ? 0 : records_end_);
  memmove(tables, tensors_, tables_bytes_);
  ops_ = reinterpret_cast<OpPlan*>(
      tables + (reinterpret_cast<uint8_t*>(ops_) - reinterpret_cast<uint8_t*>(tensors_)));
  tensors_ = reinterpret_cast<TensorPlan*>(tables);
  PlanBuffer* buffers = reinterpret_cast<PlanBuffer*>(tables + tables_bytes_);
  planner::FillBuffers(model_, tensors_, ops_, buffers);
  if (plan_ != nullptr) {
    STRATA_RETURN_IF_ERROR(TakeBuildTimePlan(buffers, n));
  } else if (search_ != nullptr) {
    STRATA_RETURN_IF_ERROR(
        (this->*search_->place)(buffers, n, steps, tables + tables_bytes_ + buffers_bytes));
  } else {
    return Status::Error(StatusCode::kInvalidArgument, "no plan and no placement search");
  }
  usage_.lower_bound = persistent_ + usage_.activation_lower_bound;
  for (uint32_t i = 0; i < model_.num_operators(); ++i) {
    if (ops_[i].scratch_bytes > usage_.scratch_bytes) usage_.scratch_bytes = ops_[i].scratch_bytes;
  }
  const uint64_t placed = uint64_t{persistent_} + usage_.activation_bytes;
  const uint64_t total = placed > temp_end ? placed : temp_end;
  const uint64_t check_end = uint64_t{records_end_} + tables_bytes_ + buffers_bytes;
  const uint64_t with_plan = placed > check_end ? placed : check_end;
  if (total > 0xFFFFFFF0u) return Status::Error(StatusCode::kUnsupported, "arena exceeds 4 GiB");
  usage_.total_bytes = static_cast<uint32_t>(total);
  usage_.total_bytes_with_plan = static_cast<uint32_t>(with_plan);
  if (dry_ || total > arena_bytes_) return TooSmall(total, true);
  uint32_t b = 0;
  for (uint32_t t = 0; t < model_.num_tensors(); ++t) {
    if (planner::HasBuffer(tensors_, t)) tensors_[t].location = persistent_ + buffers[b++].offset;
  }
  scratch_buffers_ = buffers + b;
  return Status::Ok();
}

}  // namespace strata
