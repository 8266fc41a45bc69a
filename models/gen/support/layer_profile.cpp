// LayerProfile (see strata_models/layer_profile.hpp).
#include "strata_models/layer_profile.hpp"

namespace strata_models {

void LayerProfile::Reset() {
  for (uint32_t i = 0; i < capacity_; ++i) records_[i] = LayerRecord{0, false};
  overflow_count_ = 0;
  dropped_ = 0;
}

void LayerProfile::BeginOp(uint32_t, const char*) {}

void LayerProfile::EndOp(uint32_t op_index, const char*, uint64_t elapsed) {
  if (op_index < capacity_) {
    records_[op_index].count += elapsed;
    records_[op_index].ran = true;
  } else {
    overflow_count_ += elapsed;
    ++dropped_;
  }
}

const LayerRecord& LayerProfile::record(uint32_t op_index) const {
  static const LayerRecord kNone = {0, false};
  return op_index < capacity_ ? records_[op_index] : kNone;
}

uint64_t LayerProfile::total() const {
  uint64_t sum = overflow_count_;
  for (uint32_t i = 0; i < capacity_; ++i) sum += records_[i].count;
  return sum;
}

}  // namespace strata_models
